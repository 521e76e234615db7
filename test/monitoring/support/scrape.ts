import { silentLogger } from '@academy/core';
import { FIXTURE_LESSON_ID, fixtureAnswers } from '@academy/core/testing';
import { startMetricsServer, type MetricsServer } from '../../../apps/api/src/metrics-server';
import { call, type TestApp } from '../../../apps/api/src/test/harness';

/** Starts the metrics server (METRICS_PORT's twin, on a random loopback port) for a test app. */
export function serveMetrics(t: TestApp): Promise<MetricsServer> {
  return startMetricsServer(t.deps.metrics, { host: '127.0.0.1', port: 0, logger: silentLogger });
}

/** Some of everything: cached reads, a sign-in, a write, a 404, a 401, and the bot's observer. */
export async function driveTraffic(t: TestApp): Promise<void> {
  const token = await t.signIn(7001);
  for (let i = 0; i < 3; i++) {
    await call(t.url, 'GET', '/api/v1/courses');
    await call(t.url, 'GET', `/api/v1/lessons/${FIXTURE_LESSON_ID}?locale=en`);
  }
  await call(t.url, 'POST', `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, { token, body: { answers: fixtureAnswers(4) } });
  await call(t.url, 'GET', '/api/v1/me/progress', { token });
  await call(t.url, 'GET', '/api/v1/me/progress');
  await call(t.url, 'GET', '/no/such/path/42');
  t.deps.metrics.bot.updateHandled('ok');
  t.deps.metrics.bot.telegramApiError('sendMessage', 429);
}

/** Metric family names (from # TYPE lines) of a Prometheus text exposition. */
export function families(exposition: string): Set<string> {
  return new Set([...exposition.matchAll(/^# TYPE (\S+) \S+$/gm)].map((match) => match[1]!));
}

/** Sample lines of one metric, e.g. samples(text, 'http_requests_total'). */
export function samples(exposition: string, name: string): string[] {
  return exposition.split('\n').filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `));
}
