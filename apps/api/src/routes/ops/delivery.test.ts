import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '@academy/core/testing';
import { call, problemOf, startTestApp, type TestApp } from '../../test/harness';

const OPS_TOKEN = 'ops-token-for-tests-0123456789';
const skipPostgres = await skipWithout('postgres');
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The body .github/scripts/report-deployment.sh sends. */
function report(overrides: Record<string, unknown> = {}) {
  return {
    service: 'telegram-ios-academy',
    environment: 'production',
    status: 'success',
    commitSha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    committedAt: minutesAgo(50),
    startedAt: minutesAgo(10),
    finishedAt: minutesAgo(5),
    image: 'ghcr.io/telegram-academy/academy@sha256:abc',
    url: 'https://github.com/telegram-academy/academy/actions/runs/1',
    ...overrides,
  };
}

for (const database of ['pglite', 'postgres'] as const) {
  describe.skipIf(database === 'postgres' && skipPostgres)(`deployments and DORA (${database})`, () => {
    let t: TestApp;
    const post = (body: unknown, token: string | undefined = OPS_TOKEN) =>
      call(t.url, 'POST', '/api/v1/ops/deployments', { body, ...(token ? { token } : {}) });
    beforeAll(async () => {
      t = await startTestApp({ database, env: { OPS_TOKEN } });
    });
    afterAll(() => t?.close());

    it('records a deployment once, however often CI retries the report', async () => {
      const body = report();
      const first = await post(body);
      expect(first.status).toBe(201);
      const retried = await post(body);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual({ id: (first.body as { id: number }).id, created: false });
      const [row] = await t.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deployments');
      expect(row?.n).toBe(1);
    });

    it('refuses a wrong token and malformed reports, writing nothing', async () => {
      expect((await post(report({ startedAt: minutesAgo(300) }), 'not-the-ops-token-at-all')).status).toBe(401);
      const bad = await post(report({ status: 'shipped', commitSha: 'nope', finishedAt: minutesAgo(600) }));
      expect(bad.status).toBe(400);
      expect(problemOf(bad)?.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['body.status', 'body.commitSha']));
      const backwards = await post(report({ startedAt: minutesAgo(1), finishedAt: minutesAgo(2) }));
      expect(backwards.status).toBe(400);
      const [row] = await t.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM deployments');
      expect(row?.n).toBe(1);
    });

    it('reports the DORA metrics from deployments and incidents', async () => {
      await post(report({ commitSha: 'bbbbbbb', status: 'failure', startedAt: minutesAgo(200), finishedAt: minutesAgo(190) }));
      await post(report({ commitSha: 'ccccccc', environment: 'staging' }));
      const dora = await call(t.url, 'GET', '/api/v1/ops/dora?days=7', { token: OPS_TOKEN });
      expect(dora.status).toBe(200);
      expect(dora.body).toMatchObject({
        environment: 'production',
        days: 7,
        deploymentFrequency: { deployments: 1 },
        leadTimeForChanges: { medianSeconds: 45 * 60, samples: 1, meetsTarget: true },
        changeFailureRate: { failed: 1, deployments: 2, ratio: 0.5, meetsTarget: false },
        timeToRestore: { medianSeconds: null, open: 0 },
      });
      const staging = await call(t.url, 'GET', '/api/v1/ops/dora?environment=staging', { token: OPS_TOKEN });
      expect(staging.body).toMatchObject({ days: 30, deploymentFrequency: { deployments: 1 } });
      expect((await call(t.url, 'GET', '/api/v1/ops/dora?days=0', { token: OPS_TOKEN })).status).toBe(400);
      expect((await call(t.url, 'GET', '/api/v1/ops/dora')).status).toBe(401);
    });
  });
}

// The script CI runs after each rollout, against the real endpoint: the two must agree on the body.
describe('report-deployment.sh against the real endpoint', () => {
  const tools = ['curl', 'jq', 'git'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0);
  if (!tools && process.env.CI === 'true') throw new Error('CI=true and curl, jq or git is missing (apt-get install -y curl jq git)');

  it.skipIf(!tools)('is accepted and recorded as a production deployment of this commit', async () => {
    const t = await startTestApp({ database: 'pglite', env: { OPS_TOKEN } });
    try {
      const root = fileURLToPath(new URL('../../../../../', import.meta.url));
      const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
      // Asynchronously: the app answering the script runs in this very process.
      const run = await promisify(execFile)(`${root}.github/scripts/report-deployment.sh`, ['production', 'success'], {
        cwd: root,
        env: { ...process.env, OPS_URL: t.url, OPS_TOKEN, GITHUB_SHA: sha, IMAGE: 'ghcr.io/x/academy@sha256:1', DEPLOY_STARTED_AT: minutesAgo(3) },
      });
      expect(run.stdout).toContain(`reported success deployment of ${sha} to production`);
      const rows = await t.deps.db.query<{ commit_sha: string; status: string; environment: string }>('SELECT commit_sha, status, environment FROM deployments');
      expect(rows).toEqual([{ commit_sha: sha, status: 'success', environment: 'production' }]);
    } finally {
      await t.close();
    }
  });
});
