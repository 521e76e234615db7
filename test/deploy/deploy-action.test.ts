// actions/blue-green-deploy run against a fake kubectl (the order of a release, promotion, abort), its
// renderer against the real kustomize, and the CI scripts against local HTTP servers.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { installFakeKubectl, selects } from './support/fake-kubectl';
import { readDocs, workloads } from './support/k8s';
import { repoPath, ROOT, run, toolAvailable } from './support/repo';

const exec = promisify(execFile);
const tmp = mkdtempSync(join(tmpdir(), 'deploy-action-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const IMAGE = 'ghcr.io/example/telegram-ios-academy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
const PHASE = 'telegram-academy/deploy-phase';
const hasKubectl = toolAvailable('kubectl');
const realKubectl = hasKubectl ? run('sh', ['-c', 'command -v kubectl']).stdout.trim() : '';

describe.skipIf(!hasKubectl)('render.sh', () => {
  it.each(['staging', 'production'])('sets the released image on every container of %s', (overlay) => {
    const result = run('actions/blue-green-deploy/render.sh', [`deploy/k8s/overlays/${overlay}`, IMAGE]);
    expect(result.status, result.stderr).toBe(0);
    const images = workloads(readDocs(result.stdout, overlay)).flatMap((w) => w.containers.map((c) => c.image));
    expect(images).toHaveLength(4);
    expect(new Set(images)).toEqual(new Set([IMAGE]));
  });

  it('accepts a tag (also behind a registry port) and refuses an image without tag or digest', () => {
    const tagged = run('actions/blue-green-deploy/render.sh', ['deploy/k8s/overlays/staging', 'registry.local:5000/academy:1.2.3']);
    expect(tagged.stdout).toContain('image: registry.local:5000/academy:1.2.3');
    expect(run('actions/blue-green-deploy/render.sh', ['deploy/k8s/overlays/staging', 'registry.local:5000/academy']).status).not.toBe(0);
  });
});

describe.skipIf(!hasKubectl)('deploy.sh', () => {
  let n = 0;
  async function release(states: string[], env: Record<string, string> = {}) {
    const dir = join(tmp, `run-${n++}`);
    const fake = installFakeKubectl(dir, states);
    const environment = {
      ...process.env,
      PATH: `${fake.binDir}:${process.env.PATH}`,
      FAKE_DIR: dir,
      REAL_KUBECTL: realKubectl,
      FAKE_JOB_CONDITIONS: 'Complete',
      IMAGE,
      NAMESPACE: 'production',
      PROMOTE: 'true',
      POLL_SECONDS: '0',
      TIMEOUT_SECONDS: '20',
      ...env,
    };
    const status = await exec(repoPath('actions/blue-green-deploy/deploy.sh'), [], { cwd: ROOT, env: environment }).then(
      (r) => ({ code: 0, output: r.stdout + r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
    );
    return { ...status, ...fake.read() };
  }
  const index = (calls: string[], pattern: RegExp) => calls.findIndex((c) => pattern.test(c));

  it('config, then migrations, then the api (analysis, promotion), then bot and web', async () => {
    const r = await release(['2|1|Healthy|', '2|2|Progressing|Running', '2|2|Paused|Running', '2|2|Paused|Successful', '3|3|Progressing|Successful', '3|3|Healthy|Successful']);
    expect(r.code, r.output).toBe(0);
    expect(r.applied.map((a) => a.selector)).toEqual([`!${PHASE}`, `${PHASE}=migrate`, `${PHASE}=api`, `${PHASE}=apps`]);
    const kinds = r.applied.map((a) => a.objects.filter((o) => selects(a.selector, o.metadata.labels)).map((o) => `${o.kind}/${o.metadata.name}`));
    expect(kinds[1]).toEqual(['Job/academy-migrate']);
    expect(kinds[2]).toEqual(['Rollout/api-service']);
    expect(kinds[3]!.sort()).toEqual(['Deployment/bot-service', 'Deployment/web-service']);
    expect(kinds[0]).toEqual(expect.arrayContaining(['ExternalSecret/academy-secrets', 'NetworkPolicy/default-deny-all', 'Service/api-service-preview']));
    expect(kinds[0]!.filter((k) => k.startsWith('Namespace/')), 'namespaces are the operator\'s').toEqual([]);
    const c = r.calls;
    expect(index(c, /^wait --for=condition=Ready externalsecret/)).toBeLessThan(index(c, /^delete job academy-migrate/));
    expect(index(c, /^get job academy-migrate/)).toBeLessThan(index(c, /^apply .*=api$/));
    expect(c.filter((x) => /^argo rollouts promote api-service -n production$/.test(x))).toHaveLength(1);
    // It promoted only after the fourth state: the pause with the pre-promotion analysis Successful.
    expect(c.slice(0, index(c, /^argo rollouts promote/)).filter((x) => x.startsWith('get rollout'))).toHaveLength(4);
    expect(index(c, /^apply .*=apps$/)).toBeGreaterThan(index(c, /^argo rollouts promote/));
    expect(c.filter((x) => x.startsWith('rollout status deployment.apps/'))).toHaveLength(2);
  });

  it('an aborted rollout (failed analysis) fails the release before bot and web change', async () => {
    const r = await release(['2|2|Progressing|Running', '2|2|Degraded|Failed']);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/Degraded/);
    expect(r.calls.some((c) => c.includes('promote'))).toBe(false);
    expect(r.applied.map((a) => a.selector)).not.toContain(`${PHASE}=apps`);
  });

  it('without PROMOTE it stops at the pause, after the pre-promotion analysis passed', async () => {
    const r = await release(['2|2|Paused|Successful'], { PROMOTE: 'false' });
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('kubectl argo rollouts promote api-service -n production');
    expect(r.calls.some((c) => c.startsWith('argo rollouts promote'))).toBe(false);
    expect(r.applied.map((a) => a.selector)).not.toContain(`${PHASE}=apps`);
  });

  it('a failed migration stops the release before the api changes; a rollback may skip migrations', async () => {
    const failed = await release(['2|2|Healthy|'], { FAKE_JOB_CONDITIONS: 'Failed' });
    expect(failed.code).not.toBe(0);
    expect(failed.applied.map((a) => a.selector)).toEqual([`!${PHASE}`, `${PHASE}=migrate`]);

    const rollback = await release(['2|2|Healthy|Successful'], { SKIP_MIGRATIONS: 'true' });
    expect(rollback.code, rollback.output).toBe(0);
    expect(rollback.applied.map((a) => a.selector)).toEqual([`!${PHASE}`, `${PHASE}=api`, `${PHASE}=apps`]);
  });
});

function serve(handler: (req: IncomingMessage, body: string) => [number, string]): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const [status, text] = handler(req, body);
        res.writeHead(status, { 'content-type': 'application/json' }).end(text);
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    });
  });
}

/** Runs a repository script (a `.mjs` one with this node, as the image's HEALTHCHECK does). */
const runScript = (file: string, args: string[], env: Record<string, string>) =>
  (file.endsWith('.mjs') ? exec(process.execPath, [repoPath(file), ...args], { cwd: ROOT, env: { ...process.env, ...env } }) : exec(repoPath(file), args, { cwd: ROOT, env: { ...process.env, ...env } })).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );

describe.skipIf(!toolAvailable('curl') || !toolAvailable('jq'))('CI scripts against a local server', () => {
  it('report-deployment.sh posts the deployment with the bearer OPS_TOKEN', async () => {
    const received: Array<{ url?: string; auth?: string; body: string }> = [];
    const { server, url } = await serve((req, body) => {
      received.push({ url: req.url, auth: req.headers.authorization, body });
      return [201, '{"id":"d1"}'];
    });
    const r = await runScript('.github/scripts/report-deployment.sh', ['production', 'success'], {
      OPS_URL: url, OPS_TOKEN: 'ops-token-for-tests-0123', IMAGE, GITHUB_SHA: 'HEAD', DEPLOY_STARTED_AT: '2026-01-01T00:00:00Z',
    });
    server.close();
    expect(r.code, r.output).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ url: '/api/v1/ops/deployments', auth: 'Bearer ops-token-for-tests-0123' });
    expect(JSON.parse(received[0]!.body)).toMatchObject({ environment: 'production', status: 'success', image: IMAGE, startedAt: '2026-01-01T00:00:00Z' });
  });

  it('smoke-test.sh passes a healthy deployment and fails one whose ops API is public', async () => {
    let opsStatus = 503;
    const { server, url } = await serve((req) => {
      if (req.url?.startsWith('/api/v1/ops') || req.url?.startsWith('/api/v1/admin')) return [opsStatus, '{}'];
      return [['/health', '/api/v1/courses', '/docs'].includes(req.url ?? '') ? 200 : 404, '{}'];
    });
    const healthy = await runScript('.github/scripts/smoke-test.sh', [url], { SMOKE_RETRY_DELAY: '0' });
    opsStatus = 401;
    const exposed = await runScript('.github/scripts/smoke-test.sh', [url], { SMOKE_RETRY_DELAY: '0' });
    server.close();
    expect(healthy.code, healthy.output).toBe(0);
    expect(exposed.code).not.toBe(0);
    expect(exposed.output).toMatch(/FAIL \/api\/v1\/ops\/dora -> 401/);
  });

  it("the image's HEALTHCHECK script: 0 on 200, 1 on 503 and when nothing listens", async () => {
    let status = 200;
    const { server, url } = await serve(() => [status, '{"status":"ok"}']);
    const port = new URL(url).port;
    const up = await runScript('deploy/docker/healthcheck.mjs', [], { PORT: port });
    status = 503;
    const failing = await runScript('deploy/docker/healthcheck.mjs', [], { PORT: port });
    server.close();
    const down = await runScript('deploy/docker/healthcheck.mjs', [], { PORT: port });
    expect([up.code, failing.code, down.code]).toEqual([0, 1, 1]);
  });
});
