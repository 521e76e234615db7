// Acceptance 1: the image (multi-stage, production dependencies only, non-root, HEALTHCHECK, pinned
// base) and compose.yaml (the whole stack with healthchecks and the monitoring files).
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, configProblems } from './support/config';
import { exists, readText, readYaml } from './support/repo';

const dockerfile = readText('deploy/docker/Dockerfile');
/** Instructions with their continuation lines joined, comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));
const stages = instructions.filter((line) => /^FROM\s/i.test(line));
const lastStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));

describe('Dockerfile', () => {
  it('pins the Node 22 bookworm-slim base by version (or digest), never latest', () => {
    const base = /^ARG NODE_IMAGE=(\S+)$/m.exec(dockerfile)?.[1];
    expect(base).toMatch(/^node:22\.\d+\.\d+-bookworm-slim(@sha256:[0-9a-f]{64})?$/);
    expect(stages.every((from) => /^FROM \$\{NODE_IMAGE\} AS [\w-]+$/.test(from))).toBe(true);
    expect(dockerfile).not.toMatch(/:latest\b/);
  });

  it('is multi-stage and multi-arch capable (no stage pinned to the build platform)', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(instructions.filter((line) => /--platform/.test(line))).toEqual([]);
  });

  it('ships production dependencies only; tsx, which runs the code, is one of them', () => {
    expect(instructions.some((line) => /npm ci --omit=dev/.test(line))).toBe(true);
    const pkg = JSON.parse(readText('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(pkg.dependencies?.tsx).toBeDefined();
    expect(lastStage.some((line) => /npm (ci|install)/.test(line)), 'no install in the runtime stage').toBe(false);
  });

  it('runs as a numeric non-root user, with a HEALTHCHECK on /health and the one entry point', () => {
    const user = lastStage.filter((line) => line.startsWith('USER ')).at(-1);
    expect(user).toMatch(/^USER [1-9]\d*:[1-9]\d*$/);
    const healthcheck = lastStage.find((line) => line.startsWith('HEALTHCHECK '));
    expect(healthcheck).toContain('/usr/local/lib/academy/healthcheck.mjs');
    expect(lastStage.some((line) => line.includes('deploy/docker/healthcheck.mjs /usr/local/lib/academy/healthcheck.mjs'))).toBe(true);
    expect(readText('deploy/docker/healthcheck.mjs')).toMatch(/\/health/);
    const entrypoint = JSON.parse(lastStage.find((line) => line.startsWith('ENTRYPOINT '))!.slice('ENTRYPOINT '.length)) as string[];
    expect(entrypoint).toEqual(['node', '--import', 'tsx', 'apps/api/src/main.ts']);
    expect(exists('apps/api/src/main.ts')).toBe(true);
    expect(lastStage.find((line) => line.startsWith('EXPOSE '))).toBe('EXPOSE 3000 9464');
  });

  it('sets only environment variables the config schema knows', () => {
    const names = lastStage.filter((line) => line.startsWith('ENV ')).flatMap((line) => [...line.matchAll(/(\w+)=/g)].map((m) => m[1]!));
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'PORT', 'METRICS_PORT', 'GIT_COMMIT']));
    expect(names.filter((name) => !CONFIG_KEYS.has(name))).toEqual([]);
  });

  it('.dockerignore keeps secrets, git and node_modules out, and lets in what the build copies', () => {
    const patterns = readText('.dockerignore').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    expect(patterns).toEqual(expect.arrayContaining(['.git', '**/node_modules', '.env', '.env.*']));
    for (const needed of ['apps', 'packages', 'content', 'package.json', 'package-lock.json', 'tsconfig.json']) expect(patterns).not.toContain(needed);
    expect(patterns.indexOf('!deploy/docker/healthcheck.mjs')).toBeGreaterThan(patterns.indexOf('deploy'));
  });
});

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
const compose = readYaml<{ services: Record<string, ComposeService> }>('deploy/docker/compose.yaml');
const APP = ['migrate', 'api', 'bot', 'web'];

/** Compose interpolation with an empty shell environment: ${X:-default} → default, ${X} → ''. */
const interpolate = (value: string): string => value.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, _name: string, fallback?: string) => fallback ?? '');

describe('compose.yaml', () => {
  it('runs the whole stack', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['alertmanager', 'api', 'bot', 'grafana', 'jaeger', 'migrate', 'otel-collector', 'postgres', 'postgres-exporter', 'prometheus', 'redis', 'redis-exporter', 'web'].sort(),
    );
    expect(compose.services.postgres?.image).toMatch(/^postgres:15\./);
    expect(compose.services.redis?.image).toMatch(/^redis:7\./);
    for (const [name, service] of Object.entries(compose.services)) {
      if (APP.includes(name)) expect(service.build).toEqual({ context: '../..', dockerfile: 'deploy/docker/Dockerfile' });
      else expect(service.image, name).toMatch(/:v?\d+\.\d+(\.\d+)?(-[\w]+)?$/);
    }
  });

  it.each(APP)('%s: its environment is in the config schema and passes the config check', (name) => {
    const service = compose.services[name]!;
    const env = Object.fromEntries(Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
    expect(Object.keys(env).filter((key) => !CONFIG_KEYS.has(key))).toEqual([]);
    expect(configProblems(env, service.command ?? [])).toEqual([]);
    const roles = service.command?.[service.command.indexOf('--roles') + 1];
    expect(roles).toBe(name === 'migrate' ? 'migrate,content-sync' : name);
  });

  it('every long-running service has a healthcheck (the collector image has no shell; migrate exits)', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      if (name === 'otel-collector') expect(service.healthcheck).toBeUndefined();
      else if (name === 'migrate') expect(service.healthcheck?.disable).toBe(true);
      else expect(service.healthcheck?.test?.length, name).toBeGreaterThan(0);
    }
  });

  it('the app waits for a healthy database and cache and for the migrations to complete', () => {
    for (const name of ['api', 'bot', 'web']) {
      expect(compose.services[name]?.depends_on).toMatchObject({
        migrate: { condition: 'service_completed_successfully' },
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
  });

  it('mounts the monitoring files from deploy/monitoring (they exist once that part has landed)', () => {
    const mounts = Object.values(compose.services)
      .flatMap((s) => s.volumes ?? [])
      .map((v) => v.split(':')[0]!)
      .filter((source) => source.startsWith('../monitoring/'))
      .map((source) => `deploy/${source.slice(3)}`);
    expect(mounts.sort()).toEqual(
      [
        'deploy/monitoring/alertmanager/alertmanager.yml',
        'deploy/monitoring/grafana/dashboards',
        'deploy/monitoring/grafana/provisioning',
        'deploy/monitoring/otel-collector/config.yaml',
        'deploy/monitoring/prometheus/prometheus.yml',
        'deploy/monitoring/rules',
      ].sort(),
    );
    if (exists('deploy/monitoring')) for (const mount of mounts) expect(exists(mount), mount).toBe(true);
  });
});
