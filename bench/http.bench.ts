// Load benchmark of the hot paths over real HTTP on loopback (not a test: it measures, it does not judge).
//   npm run bench                        embedded default (PGlite, in-process cache)
//   BENCH_DATABASE=postgres npm run bench  a fresh PostgreSQL database + Redis at TEST_REDIS_URL
// Results are recorded in docs/benchmarks.md.
import autocannon from 'autocannon';
import { FIXTURE_LESSON_ID, fixtureAnswers, TEST_REDIS_URL } from '@academy/core/testing';
import { startTestApp } from '../apps/api/src/test/harness';

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const onPostgres = process.env.BENCH_DATABASE === 'postgres';

const app = await startTestApp(onPostgres ? { database: 'postgres', redisUrl: TEST_REDIS_URL } : { database: 'pglite' });
const tokens = await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => app.signIn(900_000 + i)));
const attemptBody = JSON.stringify({ answers: fixtureAnswers(3) });

interface Scenario {
  name: string;
  requests: autocannon.Request[];
  headers?: Record<string, string>;
}

const scenarios: Scenario[] = [
  { name: 'GET /health', requests: [{ method: 'GET', path: '/health' }] },
  { name: 'GET /api/v1/courses', requests: [{ method: 'GET', path: '/api/v1/courses?locale=en' }] },
  { name: 'GET /api/v1/lessons/:id (cached)', requests: [{ method: 'GET', path: `/api/v1/lessons/${FIXTURE_LESSON_ID}?locale=ru` }] },
  {
    name: 'POST /api/v1/lessons/:id/attempts',
    requests: [{ method: 'POST', path: `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, body: attemptBody, headers: { 'content-type': 'application/json' } }],
  },
  { name: 'GET /api/v1/me/progress', requests: [{ method: 'GET', path: '/api/v1/me/progress' }] },
];

const rows: string[] = [];
for (const scenario of scenarios) {
  let next = 0;
  const result = await autocannon({
    url: app.url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    // Each connection is a different learner, so writes contend on the database, not on one learner's lock.
    requests: scenario.requests.map((request) => ({
      ...request,
      setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` } }),
    })),
  });
  const failures = result.non2xx + result.errors + result.timeouts;
  rows.push(
    `| ${scenario.name} | ${Math.round(result.requests.average)} | ${result.latency.p50} | ${result.latency.p97_5} | ${result.latency.p99} | ${failures} |`,
  );
}

console.log(`\n${onPostgres ? 'PostgreSQL + Redis' : 'PGlite + in-process cache'}, ${CONNECTIONS} connections, ${DURATION_S} s each\n`);
console.log('| scenario | req/s | p50 ms | p97.5 ms | p99 ms | non-2xx/errors |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
await app.close();
