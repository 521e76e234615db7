import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { RedisStore } from '@academy/core';
import type { AppDeps } from './deps';
import { registerOpenApi } from './http/openapi';
import { registerProblemHandlers } from './http/problem';
import { registerSecurity } from './http/security';
import { adminRoutes } from './routes/admin/admin';
import { authRoutes } from './routes/auth/auth';
import { courseRoutes } from './routes/courses/courses';
import { healthRoutes } from './routes/health/health';
import { lessonRoutes } from './routes/lessons/lessons';
import { meRoutes } from './routes/me/progress';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const REQUEST_TIMEOUT_MS = 30_000;

/** The public HTTP application. `/metrics` is never registered here: it has its own port. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: REQUEST_TIMEOUT_MS,
    connectionTimeout: REQUEST_TIMEOUT_MS + 5_000,
    trustProxy: deps.config.TRUST_PROXY,
    requestIdHeader: 'x-request-id',
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // While draining, a finished request must not leave a keep-alive connection that holds close() open.
    if (deps.lifecycle.shuttingDown) reply.header('connection', 'close');
  });
  registerProblemHandlers(app);

  const store = deps.cache.store;
  const redis = store instanceof RedisStore ? { redis: store.client, keyPrefix: store.keyPrefix } : {};
  await registerSecurity(app, { perMinute: deps.config.RATE_LIMIT_PER_MINUTE, ...redis });
  await registerOpenApi(app, deps.version);

  for (const routes of [healthRoutes, authRoutes, courseRoutes, lessonRoutes, meRoutes, adminRoutes]) {
    await app.register(routes, deps);
  }
  return app;
}
