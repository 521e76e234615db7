import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '@academy/core';

/**
 * Security headers on every response, and a per-client rate limit — kept in Redis when it is configured,
 * so every replica counts together. A Redis failure lets the request through (skipOnError): the limiter
 * must never be the reason a learner gets an error.
 */
export async function registerSecurity(app: FastifyInstance, options: { perMinute: number; redis?: Redis | undefined; keyPrefix?: string }): Promise<void> {
  await app.register(helmet, { global: true });
  await app.register(rateLimit, {
    global: true,
    max: options.perMinute,
    timeWindow: 60_000,
    skipOnError: true,
    nameSpace: `${options.keyPrefix ?? 'academy:'}rate-limit:`,
    ...(options.redis ? { redis: options.redis } : {}),
    allowList: (request) => request.url === '/health' || request.url === '/ready',
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 429, `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
}
