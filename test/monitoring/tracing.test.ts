import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInitData } from '@academy/core';
import { createPostgresDatabase, FIXTURE_CONTENT_DIR, FIXTURE_LESSON_ID, fixtureAnswers, skipWithout, TcpProxy, TEST_DATABASE_URL, TEST_REDIS_URL } from '@academy/core/testing';
import { call, TEST_BOT_TOKEN } from '../../apps/api/src/test/harness';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';
import { eventually, freePort } from './support/processes';

// Tracing as it runs in production: the real process (apps/api/src/main.ts, as `npm start` and the image
// start it) with OTEL_EXPORTER_OTLP_ENDPOINT pointing at a loopback OTLP/HTTP receiver, PostgreSQL and
// Redis. Spans must nest HTTP → PostgreSQL/Redis, carry the authenticated learner (never a client header),
// mark failures, and every log line of a request must carry its trace_id and span_id.

const skip = (await skipWithout('postgres')) || (await skipWithout('redis'));
const MAIN = new URL('../../apps/api/src/main.ts', import.meta.url).pathname;
const SERVER = 2;

describe.skipIf(skip)('OpenTelemetry tracing of the running process', () => {
  let receiver: OtlpReceiver;
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  let child: ChildProcess;
  let url: string;
  let stdout = '';
  let token: string;
  let userId: number;

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    const created = await createPostgresDatabase();
    drop = created.drop;
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    const [port, metricsPort] = [await freePort(), await freePort()];
    url = `http://127.0.0.1:${port}`;
    const redis = new URL(TEST_REDIS_URL);
    redis.pathname = '/9'; // a database of its own: this process uses the default key prefix
    child = spawn(process.execPath, ['--import', 'tsx', MAIN, '--roles', 'migrate,content-sync,api'], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'info',
        DATABASE_URL: proxy.url(created.url),
        REDIS_URL: redis.toString(),
        CONTENT_DIR: FIXTURE_CONTENT_DIR,
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        BOT_MODE: 'off',
        SESSION_SECRET: 'session-secret-for-tracing-tests-0123456789',
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'academy-api-test',
        OTEL_BSP_SCHEDULE_DELAY: '100',
        GIT_COMMIT: 'feedc0de',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    await eventually('academy listening', async () => ((await fetch(`${url}/health`).catch(() => undefined))?.ok ? true : undefined), 45_000);

    const initData = signInitData(
      { auth_date: String(Math.floor(Date.now() / 1000)), user: JSON.stringify({ id: 8101, first_name: 'Traceable Tester', language_code: 'en' }) },
      TEST_BOT_TOKEN,
    );
    const signIn = await call(url, 'POST', '/api/v1/auth/telegram', { body: { initData } });
    expect(signIn.status).toBe(200);
    ({ token } = signIn.body as { token: string });
    userId = (signIn.body as { user: { id: number } }).user.id;
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await receiver?.close();
    await proxy?.close();
    await drop?.();
  });

  const serverSpan = (name: string, extra: (span: ReceivedSpan) => boolean = () => true) =>
    receiver.waitFor((span) => span.kind === SERVER && span.name === name && extra(span));
  const childrenOf = (parent: ReceivedSpan): ReceivedSpan[] => {
    const direct = receiver.spans.filter((span) => span.parentSpanId === parent.spanId);
    return [...direct, ...direct.flatMap(childrenOf)];
  };

  it('a learner request: HTTP server span with the route, the authenticated user id, and PostgreSQL + Redis spans nested under it', async () => {
    // A client-sent user header must change nothing.
    const response = await call(url, 'GET', '/api/v1/me/progress', { token, headers: { 'x-user-id': '424242' } });
    expect(response.status).toBe(200);
    const span = await serverSpan('GET /api/v1/me/progress');
    expect(span.attributes['http.route']).toBe('/api/v1/me/progress');
    expect(span.attributes['academy.user.id']).toBe(String(userId));
    expect(JSON.stringify(receiver.spans)).not.toContain('424242');
    expect(span.resource).toMatchObject({ 'service.name': 'academy-api-test', 'deployment.environment': 'test', 'deployment.environment.name': 'test', 'vcs.ref.head.revision': 'feedc0de' });
    expect(span.resource['service.version']).toMatch(/^\d+\.\d+\.\d+/);

    await eventually('child spans exported', async () => (childrenOf(span).some((s) => s.attributes['db.system.name'] === 'postgresql' || s.attributes['db.system'] === 'postgresql') ? true : undefined), 10_000);
    const nested = childrenOf(span);
    const database = nested.filter((s) => (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'postgresql');
    const redis = nested.filter((s) => (s.attributes['db.system.name'] ?? s.attributes['db.system']) === 'redis');
    expect(database.length).toBeGreaterThan(0);
    expect(redis.length).toBeGreaterThan(0); // the rate limiter's counter in Redis
    expect(new Set(nested.map((s) => s.traceId))).toEqual(new Set([span.traceId]));
    // No personal data: statements have placeholders, Redis spans only the command name.
    const everything = JSON.stringify(nested.map((s) => s.attributes));
    expect(everything).not.toContain('Traceable Tester');
    expect(everything).not.toContain('8101');
    for (const s of redis) expect(String(s.attributes['db.query.text'] ?? s.attributes['db.statement'] ?? '')).toMatch(/^[a-z]+$/);
  });

  it('records the request size, and no user on anonymous requests', async () => {
    const body = { answers: fixtureAnswers(4) };
    expect((await call(url, 'POST', `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, { token, body })).status).toBe(201);
    const span = await serverSpan('POST /api/v1/lessons/:lessonId/attempts');
    expect(span.attributes['http.request.body.size']).toBe(Buffer.byteLength(JSON.stringify(body)));
    expect(span.attributes['academy.user.id']).toBe(String(userId));

    expect((await call(url, 'GET', '/api/v1/courses')).status).toBe(200);
    expect((await serverSpan('GET /api/v1/courses')).attributes['academy.user.id']).toBeUndefined();
  });

  it('a failure: 503 when the database is away marks the span as an error with error.type', async () => {
    proxy.cut();
    try {
      const response = await call(url, 'GET', '/api/v1/me/progress', { token, headers: { 'x-request-id': 'trace-the-failure' }, timeoutMs: 10_000 });
      expect(response.status).toBe(503);
    } finally {
      proxy.restore();
    }
    const span = await serverSpan('GET /api/v1/me/progress', (s) => s.statusCode === 2);
    expect(span.attributes['error.type']).toBe('database_unavailable');
  });

  it('every log line of a request carries its trace_id and span_id', async () => {
    const span = await serverSpan('GET /api/v1/me/progress', (s) => s.statusCode === 2);
    const lines = stdout
      .split('\n')
      .filter((line) => line.includes('trace-the-failure'))
      .map((line) => JSON.parse(line) as { trace_id?: string; span_id?: string; msg: string });
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed']));
    for (const line of lines) expect(line).toMatchObject({ trace_id: span.traceId, span_id: span.spanId });
    expect(receiver.rejected).toEqual([]);
  });
});
