import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout, TEST_REDIS_URL, uniqueTestPrefix } from '@academy/core/testing';
import { call, problemOf, startTestApp, type TestApp } from '../test/harness';

const skipRedis = await skipWithout('redis');

describe('security headers and rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite', env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t?.close());

  it('sets security headers on every response', async () => {
    const response = await call(t.url, 'GET', '/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('content-security-policy')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers 429 problem+json with Retry-After past the limit, and never limits /health or /ready', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(t.url, 'GET', '/api/v1/courses')).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const limited = await call(t.url, 'GET', '/api/v1/courses');
    expect(limited.status).toBe(429);
    expect(problemOf(limited)?.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(t.url, 'GET', '/health')).status).toBe(200);
    expect((await call(t.url, 'GET', '/ready')).status).toBe(200);
  });
});

describe.skipIf(skipRedis)('rate limit kept in Redis', () => {
  it('counts requests to two replicas together', async () => {
    const shared = { redisUrl: TEST_REDIS_URL, redisKeyPrefix: uniqueTestPrefix(), env: { RATE_LIMIT_PER_MINUTE: '6' } };
    const a = await startTestApp({ database: 'pglite', ...shared });
    const b = await startTestApp({ database: 'pglite', ...shared });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push((await call(i % 2 === 0 ? a.url : b.url, 'GET', '/api/v1/courses')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429, 429]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
