import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';

const CHECK_TIMEOUT_MS = 1_500;

async function check(run: () => Promise<void>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([run(), timeout]);
    return 'ok';
  } catch (error) {
    return `failed: ${(error as Error).message}`;
  } finally {
    clearTimeout(timer);
  }
}

const readiness = z.object({
  status: z.enum(['ok', 'unavailable', 'shutting_down']),
  checks: z.record(z.string(), z.string()),
});

export const healthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get('/health', { schema: { tags: ['health'], summary: 'Liveness: the process answers (no dependency checks)', response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/ready',
    { schema: { tags: ['health'], summary: 'Readiness: the database (and Redis when configured) answer', response: { 200: readiness, 503: readiness } } },
    async (_request, reply) => {
      if (deps.lifecycle.shuttingDown) return reply.code(503).send({ status: 'shutting_down', checks: {} });
      const checks: Record<string, string> = {};
      const [database, cache] = await Promise.all([
        check(() => deps.db.ping(CHECK_TIMEOUT_MS)),
        deps.cache.store.kind === 'redis' ? check(() => deps.cache.store.ping()) : Promise.resolve(undefined),
      ]);
      checks.database = database;
      if (cache !== undefined) checks.cache = cache;
      const healthy = Object.values(checks).every((result) => result === 'ok');
      return reply.code(healthy ? 200 : 503).send({ status: healthy ? 'ok' : 'unavailable', checks });
    },
  );
};
