import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { AppError } from '@academy/core';

// The Mini App runs inside Telegram: it loads Telegram's WebApp script, and Telegram's web clients show it in
// an iframe — allowed by frame-ancestors (X-Frame-Options cannot name them, so it is off). Styles come from
// files only. /docs has its own policy (swagger-ui's, see below).
const CSP_DIRECTIVES = {
  'script-src': ["'self'", 'https://telegram.org'],
  'style-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'frame-ancestors': ["'self'", 'https://web.telegram.org', 'https://*.telegram.org'],
};

/** /docs keeps swagger-ui's own policy, plus the one inline <style> element its bundle inserts at run time. */
export function docsContentSecurityPolicy(header: string): string {
  return header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'");
}

/**
 * Security headers on every response, and a per-client rate limit — kept in Redis when it is configured,
 * so every replica counts together. A Redis failure lets the request through (skipOnError): the limiter
 * must never be the reason a learner gets an error.
 */
export async function registerSecurity(app: FastifyInstance, options: { perMinute: number; redis?: Redis | undefined; keyPrefix?: string }): Promise<void> {
  await app.register(helmet, { global: true, contentSecurityPolicy: { useDefaults: true, directives: CSP_DIRECTIVES }, xFrameOptions: false });
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
