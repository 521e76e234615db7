// Acceptance 5, cross-checks against the code: every variable a manifest sets is in the config schema,
// each container's environment passes the app's own config check, every secret key comes from an
// ExternalSecret, and the Ingress publishes only the public paths.
import { describe, expect, it } from 'vitest';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IService } from 'kubernetes-models/v1/Service';
import { CONFIG_KEYS, configProblems, effectiveEnv, envSources, rolesOf, SECRET_SAMPLES } from './support/config';
import { as, findObject, manifestSets, ofKind, selectorMatches, workloads, type K8sObject } from './support/k8s';
import { toolAvailable } from './support/repo';

const sets = manifestSets(toolAvailable('kubectl'));

const EXPECTED_ROLES: Record<string, string[]> = {
  'api-service': ['api'],
  'bot-service': ['bot'],
  'web-service': ['web'],
  'academy-migrate': ['content-sync', 'migrate'],
};

function producedSecretKeys(objects: K8sObject[]): Map<string, Set<string>> {
  const produced = new Map<string, Set<string>>();
  for (const es of ofKind(objects, 'ExternalSecret')) {
    const spec = es.spec as { target: { name: string }; data: Array<{ secretKey: string }> };
    const keys = produced.get(spec.target.name) ?? new Set<string>();
    for (const item of spec.data) keys.add(item.secretKey);
    produced.set(spec.target.name, keys);
  }
  return produced;
}

describe.each(sets)('$name', ({ objects }) => {
  const pods = workloads(objects);
  const containers = pods.flatMap((w) => w.containers.map((container) => ({ workload: w.object.metadata.name, container })));

  it('the config schema is read (a sanity check of the introspection)', () => {
    expect(CONFIG_KEYS).toContain('DATABASE_URL');
    expect(CONFIG_KEYS).toContain('TELEGRAM_WEBHOOK_SECRET');
    expect(CONFIG_KEYS).not.toContain('JAEGER_ENDPOINT');
  });

  it('every environment variable a manifest sets is a key of the config schema', () => {
    const unknown = containers.flatMap(({ workload, container }) =>
      envSources(container, objects).filter((s) => !CONFIG_KEYS.has(s.name)).map((s) => `${workload}: ${s.name}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(Object.keys(EXPECTED_ROLES))("%s: its environment passes the app's config check and runs its role", (name) => {
    const { container } = containers.find((c) => c.workload === name)!;
    const env = effectiveEnv(envSources(container, objects));
    expect(configProblems(env, container.args ?? [])).toEqual([]);
    expect(rolesOf(container, env)).toEqual(EXPECTED_ROLES[name]);
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL, 'PostgreSQL, not the embedded default').toMatch(/^postgres:/);
    expect(env.DATABASE_CA_CERT, 'the server certificate is verified').toBeTruthy();
    expect(env.REDIS_URL).toMatch(/^rediss?:/);
    expect(env.OTEL_EXPORTER_OTLP_ENDPOINT).toMatch(/:4318$/);
  });

  it('only bot-service talks to Telegram (webhook); the api keeps the token to verify initData', () => {
    const envOf = (name: string) => effectiveEnv(envSources(containers.find((c) => c.workload === name)!.container, objects));
    expect(envOf('bot-service')).toMatchObject({ BOT_MODE: 'webhook' });
    expect(envOf('bot-service').TELEGRAM_WEBHOOK_SECRET).toBeTruthy();
    for (const name of ['api-service', 'web-service', 'academy-migrate']) expect(envOf(name).BOT_MODE, name).toBe('off');
    expect(envOf('api-service').TELEGRAM_BOT_TOKEN).toBeTruthy();
  });

  it('the api has what its routes need; the static tokens reach no other role', () => {
    const api = effectiveEnv(envSources(containers.find((c) => c.workload === 'api-service')!.container, objects));
    for (const key of ['DATABASE_URL', 'DATABASE_READ_URL', 'REDIS_URL', 'SESSION_SECRET', 'OPS_TOKEN', 'ADMIN_TOKEN', 'TELEGRAM_BOT_TOKEN']) {
      expect(api[key], key).toBeTruthy();
    }
    for (const { workload, container } of containers.filter((c) => c.workload !== 'api-service')) {
      const names = envSources(container, objects).map((s) => s.name);
      expect(names.filter((n) => n === 'OPS_TOKEN' || n === 'ADMIN_TOKEN'), workload).toEqual([]);
    }
  });

  it('every secret key a container references is produced by an ExternalSecret, and has a test sample', () => {
    const produced = producedSecretKeys(objects);
    const missing = containers.flatMap(({ workload, container }) =>
      envSources(container, objects)
        .filter((s) => s.from === 'secret' && !produced.get(s.secret!.name)?.has(s.secret!.key))
        .map((s) => `${workload}: ${s.secret!.name}/${s.secret!.key}`),
    );
    expect(missing).toEqual([]);
    expect([...(produced.get('academy-secrets') ?? [])].filter((key) => !(key in SECRET_SAMPLES))).toEqual([]);
  });

  it('the SecretStore authenticates with the IRSA service account, which the ExternalSecret uses', () => {
    const store = findObject(objects, 'SecretStore', 'aws-secrets-manager');
    const account = (store.spec as { provider: { aws: { auth: { jwt: { serviceAccountRef: { name: string } } } } } }).provider.aws.auth.jwt.serviceAccountRef.name;
    expect(findObject(objects, 'ServiceAccount', account).metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    const es = findObject(objects, 'ExternalSecret', 'academy-secrets').spec as { secretStoreRef: { name: string } };
    expect(es.secretStoreRef.name).toBe('aws-secrets-manager');
  });

  describe('Ingress', () => {
    const ingresses = ofKind(objects, 'Ingress').map((o) => as<IIngress>(o));
    const paths = ingresses.flatMap((ing) => (ing.spec?.rules ?? []).flatMap((rule) => rule.http?.paths ?? []));

    /** The backend Kubernetes picks for a request path: Exact first, then the longest Prefix by path elements. */
    function route(path: string): string | undefined {
      const exact = paths.find((p) => p.pathType === 'Exact' && p.path === path);
      if (exact) return exact.backend.service?.name;
      const elements = (value: string) => value.split('/').filter(Boolean);
      const candidates = paths.filter((p) => {
        if (p.pathType !== 'Prefix') return false;
        const prefix = elements(p.path ?? '/');
        return prefix.every((element, index) => elements(path)[index] === element);
      });
      candidates.sort((a, b) => elements(b.path ?? '/').length - elements(a.path ?? '/').length);
      return candidates[0]?.backend.service?.name;
    }

    it('publishes the learner API, the webhook, the docs and the Mini App', () => {
      expect(route('/api/v1/auth/telegram')).toBe('api-service');
      expect(route('/api/v1/courses')).toBe('api-service');
      expect(route('/api/v1/courses/swift-basics')).toBe('api-service');
      expect(route('/api/v1/lessons/l1/attempts')).toBe('api-service');
      expect(route('/api/v1/me/progress')).toBe('api-service');
      expect(route('/docs')).toBe('api-service');
      expect(route('/telegram/webhook')).toBe('bot-service');
      expect(route('/')).toBe('web-service');
      expect(route('/lessons/l1')).toBe('web-service');
    });

    it('sends ops and admin paths to a Service without pods', () => {
      for (const path of ['/api/v1/ops/deployments', '/api/v1/ops/alerts', '/api/v1/ops/dora', '/api/v1/admin', '/api/v1/admin/courses']) {
        expect(route(path), path).toBe('academy-no-backend');
      }
      const blocked = as<IService>(findObject(objects, 'Service', 'academy-no-backend'));
      expect(workloads(objects).filter((w) => selectorMatches(blocked.spec?.selector, w.template.metadata?.labels))).toEqual([]);
      expect(route('/api/v1/metrics'), 'nothing else under /api/v1 reaches the api').toBe('web-service');
    });

    it('every backend is a Service port that exists; TLS covers every host', () => {
      for (const p of paths) {
        const service = as<IService>(findObject(objects, 'Service', p.backend.service!.name));
        expect(service.spec?.ports?.map((port) => port.name)).toContain(p.backend.service?.port?.name);
      }
      for (const ing of ingresses) {
        const hosts = (ing.spec?.rules ?? []).map((r) => r.host);
        expect((ing.spec?.tls ?? []).flatMap((t) => t.hosts ?? [])).toEqual(hosts);
      }
    });
  });
});
