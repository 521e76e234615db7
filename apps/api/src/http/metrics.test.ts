import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@academy/core';
import { FIXTURE_LESSON_ID } from '@academy/core/testing';
import { startMetricsServer, type MetricsServer } from '../metrics-server';
import { call, startTestApp, type TestApp } from '../test/harness';

describe('request metrics and the metrics port', () => {
  let t: TestApp;
  let server: MetricsServer;
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite', env: { GIT_COMMIT: 'abc1234' } });
    server = await startMetricsServer(t.deps.metrics, { host: '127.0.0.1', port: 0, logger: silentLogger });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('labels requests with the route template, never the raw URL; unknown paths are "unmatched"', async () => {
    await call(t.url, 'GET', `/api/v1/lessons/${FIXTURE_LESSON_ID}?locale=en`);
    await call(t.url, 'GET', '/api/v1/lessons/no-such-lesson');
    await call(t.url, 'GET', '/wp-admin/setup.php?x=1');
    const text = await scrape();
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1/lessons/:lessonId",status="200"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="/api/v1/lessons/:lessonId",status="404"} 1');
    expect(text).toContain('http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.5",method="GET",route="\/api\/v1\/lessons\/:lessonId",status="200"\} 1/);
    expect(text).not.toContain(FIXTURE_LESSON_ID);
    expect(text).not.toContain('wp-admin');
  });

  it('reports the database pool, the cache and the build', async () => {
    await call(t.url, 'GET', '/api/v1/courses');
    await call(t.url, 'GET', '/api/v1/courses');
    const text = await scrape();
    expect(text).toContain('academy_db_pool_max 1'); // PGlite: one connection
    expect(text).toMatch(/academy_db_pool_connections\{state="total"\} 1/);
    expect(text).toMatch(/academy_cache_requests_total\{cache="catalogue",result="hit"\} [1-9]/);
    expect(text).toContain(`academy_build_info{version="${t.deps.version}",commit="abc1234"} 1`);
  });

  it('serves /metrics only on the metrics port: the public port answers 404', async () => {
    const publicPort = await call(t.url, 'GET', '/metrics');
    expect(publicPort.status).toBe(404);
    expect(JSON.stringify(publicPort.body)).not.toContain('http_requests_total');
    expect((await fetch(`${server.url}/other`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { method: 'POST' })).status).toBe(404);
    const head = await fetch(`${server.url}/metrics`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
  });

  it('does not count scrapes as HTTP requests', async () => {
    await scrape();
    expect(await scrape()).not.toContain('route="/metrics"');
  });

  it('closes promptly even while Prometheus holds a keep-alive connection', async () => {
    const other = await startMetricsServer(t.deps.metrics, { host: '127.0.0.1', port: 0, logger: silentLogger });
    await fetch(`${other.url}/metrics`, { headers: { connection: 'keep-alive' } });
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
