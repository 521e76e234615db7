import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { RedisStore } from '@academy/core';
import type { AppDeps } from './deps';
import { registerRequestTelemetry } from './http/metrics';
import { registerOpenApi } from './http/openapi';
import { registerProblemHandlers } from './http/problem';
import { registerSecurity } from './http/security';
import { registerWebStatic } from './http/web-static';
import { adminRoutes } from './routes/admin/admin';
import { authRoutes } from './routes/auth/auth';
import { authOptionsRoutes, devAuthRoutes, devSignInEnabled } from './routes/auth/dev';
import { courseRoutes } from './routes/courses/courses';
import { healthRoutes } from './routes/health/health';
import { lessonRoutes } from './routes/lessons/lessons';
import { meLanguageRoutes } from './routes/me/language';
import { meRoutes } from './routes/me/progress';
import { opsAlertRoutes } from './routes/ops/alerts';
import { opsDeliveryRoutes } from './routes/ops/delivery';

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
  registerRequestTelemetry(app, deps.metrics);

  const store = deps.cache.store;
  const redis = store instanceof RedisStore ? { redis: store.client, keyPrefix: store.keyPrefix } : {};
  await registerSecurity(app, { perMinute: deps.config.RATE_LIMIT_PER_MINUTE, ...redis });
  // Each role serves only its own routes: a web or bot pod exposes neither the learner API nor admin/ops.
  const roles = deps.config.ROLES;
  if (roles.includes('api')) await registerOpenApi(app, deps.version);
  await app.register(healthRoutes, deps);
  if (roles.includes('api')) {
    for (const routes of [authRoutes, authOptionsRoutes, courseRoutes, lessonRoutes, meRoutes, meLanguageRoutes, adminRoutes, opsAlertRoutes, opsDeliveryRoutes]) {
      await app.register(routes, deps);
    }
    // Outside Telegram there is no initData: local development gets a fixed learner; elsewhere no such route.
    if (devSignInEnabled(deps)) await app.register(devAuthRoutes, deps);
  }
  // Telegram's webhook, in a process that runs the bot in webhook mode (grammY is loaded only then).
  if (deps.config.BOT_MODE === 'webhook' && deps.config.ROLES.includes('bot')) {
    const { telegramWebhookRoutes } = await import('./routes/telegram/webhook');
    await app.register(telegramWebhookRoutes, deps);
  }
  // The Mini App at / (SPA fallback for its routes) when this process has the web role.
  if (deps.config.ROLES.includes('web')) await registerWebStatic(app);
  return app;
}
