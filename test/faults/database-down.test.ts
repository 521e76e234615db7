import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, FIXTURE_LESSON_ID, fixtureAnswers, skipWithout, TcpProxy, TEST_DATABASE_URL } from '@academy/core/testing';
import { call, problemOf, startTestApp, type TestApp } from '../../apps/api/src/test/harness';

// The database goes away: readiness says so, and writes answer 503 with Retry-After — quickly, never a hang.
const skipPostgres = await skipWithout('postgres');

describe.skipIf(skipPostgres)('database unreachable', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    t = await startTestApp({ database: { url: proxy.url(created.url) } });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.close();
    await drop?.();
  });

  it('/ready turns 503 naming the database, writes get 503 + Retry-After, and it recovers', async () => {
    const token = await t.signIn(6001);
    const path = `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`;
    expect((await call(t.url, 'POST', path, { token, body: { answers: fixtureAnswers(4) } })).status).toBe(201);

    proxy.cut();
    const ready = await call(t.url, 'GET', '/ready', { timeoutMs: 10_000 });
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ status: 'unavailable', checks: { database: expect.stringMatching(/^failed/) } });

    const write = await call(t.url, 'POST', path, { token, body: { answers: fixtureAnswers(4) }, timeoutMs: 10_000 });
    expect(write.status).toBe(503);
    expect(write.headers.get('retry-after')).toBe('5');
    expect(problemOf(write)?.code).toBe('database_unavailable');
    const progress = await call(t.url, 'GET', '/api/v1/me/progress', { token, timeoutMs: 10_000 });
    expect(progress.status).toBe(503);

    proxy.restore();
    expect((await call(t.url, 'GET', '/ready')).status).toBe(200);
    expect((await call(t.url, 'POST', path, { token, body: { answers: fixtureAnswers(4) } })).status).toBe(201);
  });
});
