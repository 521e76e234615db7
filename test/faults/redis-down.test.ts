import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_LESSON_ID, skipWithout, TcpProxy, TEST_REDIS_URL } from '@academy/core/testing';
import { call, startTestApp, type TestApp } from '../../apps/api/src/test/harness';

// Redis is a cache: when it stops, lesson reads are served from the database and the error is logged.
const skipRedis = await skipWithout('redis');

describe.skipIf(skipRedis)('Redis stopped or unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  beforeAll(async () => {
    const target = new URL(TEST_REDIS_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
    t = await startTestApp({ database: 'pglite', redisUrl: proxy.url(TEST_REDIS_URL) });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
  });

  it('serves lessons and the catalogue with 200 after Redis goes away mid-flight', async () => {
    expect((await call(t.url, 'GET', `/api/v1/lessons/${FIXTURE_LESSON_ID}`)).status).toBe(200); // cached in Redis now
    expect((await call(t.url, 'GET', '/ready')).status).toBe(200);

    proxy.cut();
    for (const path of [`/api/v1/lessons/${FIXTURE_LESSON_ID}`, '/api/v1/lessons/fixture-lesson-2?locale=ru', '/api/v1/courses']) {
      const response = await call(t.url, 'GET', path);
      expect(response.status, path).toBe(200);
    }
    const token = await t.signIn(5001);
    expect((await call(t.url, 'GET', '/api/v1/me/progress', { token })).status).toBe(200);
    const ready = await call(t.url, 'GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: 'ok', cache: expect.stringMatching(/^failed/) } });
  });

  it('starts and serves when Redis is unreachable from the beginning', async () => {
    const nowhere = await startTestApp({ database: 'pglite', redisUrl: 'redis://127.0.0.1:1' });
    try {
      const response = await call(nowhere.url, 'GET', `/api/v1/lessons/${FIXTURE_LESSON_ID}?locale=en`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ id: FIXTURE_LESSON_ID, title: 'Fixture lesson 1' });
    } finally {
      await nowhere.close();
    }
  });
});
