import type { FastifyRequest } from 'fastify';
import { secretsEqual, unauthorized, type SessionClaims, type SessionTokens } from '@academy/core';

declare module 'fastify' {
  interface FastifyRequest {
    learner?: SessionClaims;
  }
}

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** preHandler for learner endpoints: a session token from POST /api/v1/auth/telegram. */
export function requireLearner(tokens: SessionTokens) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearer(request);
    if (!token) throw unauthorized('Sign in first: send Authorization: Bearer <token from /api/v1/auth/telegram>');
    request.learner = await tokens.verify(token);
  };
}

/** The learner a guarded handler runs for; the guard guarantees it is set. */
export function learnerOf(request: FastifyRequest): SessionClaims {
  if (!request.learner) throw unauthorized('Sign in first');
  return request.learner;
}

/** preHandler for endpoints behind a static token (ADMIN_TOKEN, OPS_TOKEN), compared in constant time. */
export function requireStaticToken(name: string, expected: string | undefined) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearer(request);
    if (!expected) throw unauthorized(`${name} is not configured on this server`, 'token_not_configured');
    if (!token || !secretsEqual(token, expected)) throw unauthorized(`A valid ${name} bearer token is required`);
  };
}
