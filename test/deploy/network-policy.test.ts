// Acceptance 5: the NetworkPolicies allow every connection the app makes (DNS, PostgreSQL, Redis, the
// trace collector, Telegram for the bot, S3 for ops jobs) and nothing else inbound than the ingress
// controller on PORT, Prometheus on METRICS_PORT and Alertmanager's webhook to the api.
import { describe, expect, it } from 'vitest';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { as, manifestSets, ofKind, workloads } from './support/k8s';
import { egressAllowed, ingressAllowed, ip, pod, type Peer, type Protocol } from './support/netpol';
import { readText, toolAvailable } from './support/repo';

const sets = manifestSets(toolAvailable('kubectl'));

// Addresses in the Terraform VPC (deploy/terraform/aws: 10.0.0.0/16) and outside it.
const RDS = ip('10.0.1.25');
const REDIS = ip('10.0.2.40');
const TELEGRAM_API = ip('149.154.167.220'); // api.telegram.org
const S3 = ip('52.216.100.10');
const ELSEWHERE = ip('93.184.216.34');
const KUBE_DNS = pod('kube-system', { 'k8s-app': 'kube-dns' });
const COLLECTOR = pod('monitoring', { 'app.kubernetes.io/name': 'opentelemetry-collector' });
const INGRESS_NGINX = pod('ingress-nginx', { 'app.kubernetes.io/name': 'ingress-nginx' });
const PROMETHEUS = pod('monitoring', { 'app.kubernetes.io/name': 'prometheus' });
const ALERTMANAGER = pod('monitoring', { 'app.kubernetes.io/name': 'alertmanager' });
const GRAFANA = pod('monitoring', { 'app.kubernetes.io/name': 'grafana' });

type Connection = [to: Peer, port: number, protocol?: Protocol];

/** JSON with sorted keys: kustomize reorders keys, the comparison must not care. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
const common: Connection[] = [[KUBE_DNS, 53, 'UDP'], [KUBE_DNS, 53, 'TCP'], [RDS, 5432], [COLLECTOR, 4318]];
const EGRESS: Record<string, Connection[]> = {
  'api-service': [...common, [REDIS, 6379]],
  'bot-service': [...common, [REDIS, 6379], [TELEGRAM_API, 443]],
  'web-service': [...common, [REDIS, 6379]],
  'academy-migrate': [...common, [REDIS, 6379]],
  'academy-ops': [...common, [S3, 443]],
};

describe.each(sets)('$name', ({ name, objects }) => {
  const namespace = name === 'base' ? 'production' : name;
  const policies = ofKind(objects, 'NetworkPolicy').map((o) => as<INetworkPolicy>(o));
  const podOf = (app: string) => {
    const template = workloads(objects).find((w) => w.template.metadata?.labels?.app === app)?.template;
    // Ops jobs are started on demand (docs/deploy.md); their pods carry app: academy-ops.
    return pod(namespace, template?.metadata?.labels ?? { app });
  };

  it('starts from default deny for every pod, both directions', () => {
    const deny = policies.find((p) => Object.keys(p.spec?.podSelector ?? {}).length === 0 && !p.spec?.ingress && !p.spec?.egress);
    expect(deny?.spec?.policyTypes?.slice().sort()).toEqual(['Egress', 'Ingress']);
  });

  it.each(Object.entries(EGRESS))('%s can open every connection the app makes', (app, connections) => {
    for (const [to, port, protocol = 'TCP'] of connections) {
      expect(egressAllowed(policies, podOf(app) as never, to, port, protocol), `${app} -> ${JSON.stringify(to)}:${port}/${protocol}`).toBe(true);
    }
  });

  it('and nothing else outbound', () => {
    const denied: Array<[string, Connection]> = [
      ['api-service', [TELEGRAM_API, 443]],
      ['api-service', [ELSEWHERE, 443]],
      ['web-service', [TELEGRAM_API, 443]],
      ['bot-service', [ELSEWHERE, 443]],
      ['bot-service', [RDS, 22]],
      ['api-service', [KUBE_DNS, 8080]],
      ['academy-migrate', [S3, 443]],
      ['academy-ops', [REDIS, 6379]],
      ['api-service', [podOf('bot-service'), 3000]],
    ];
    for (const [app, [to, port, protocol = 'TCP']] of denied) {
      expect(egressAllowed(policies, podOf(app) as never, to, port, protocol), `${app} -> ${JSON.stringify(to)}:${port}`).toBe(false);
    }
  });

  it('inbound: the ingress controller on PORT and Prometheus on METRICS_PORT reach api, bot and web', () => {
    for (const app of ['api-service', 'bot-service', 'web-service']) {
      expect(ingressAllowed(policies, podOf(app) as never, INGRESS_NGINX, 3000), `ingress -> ${app}`).toBe(true);
      expect(ingressAllowed(policies, podOf(app) as never, PROMETHEUS, 9464), `prometheus -> ${app}`).toBe(true);
    }
    expect(ingressAllowed(policies, podOf('api-service') as never, ALERTMANAGER, 3000), 'alertmanager webhook').toBe(true);
  });

  it('inbound: nothing else', () => {
    const strangers: Array<[Peer, number]> = [
      [INGRESS_NGINX, 9464],
      [PROMETHEUS, 3000],
      [GRAFANA, 3000],
      [ALERTMANAGER, 9464],
      [pod(namespace, { app: 'web-service' }), 3000],
      [pod('default', { 'app.kubernetes.io/name': 'ingress-nginx' }), 3000],
      [ip('10.0.1.99'), 3000],
    ];
    for (const app of ['api-service', 'bot-service', 'web-service', 'academy-migrate', 'academy-ops']) {
      for (const [from, port] of strangers) {
        if (app === 'web-service' && from.kind === 'pod' && from.labels.app === 'web-service') continue;
        expect(ingressAllowed(policies, podOf(app) as never, from, port), `${JSON.stringify(from)} -> ${app}:${port}`).toBe(false);
      }
      if (app !== 'api-service') expect(ingressAllowed(policies, podOf(app) as never, ALERTMANAGER, 3000), `alertmanager -> ${app}`).toBe(false);
    }
    for (const app of ['academy-migrate', 'academy-ops']) {
      expect(ingressAllowed(policies, podOf(app) as never, INGRESS_NGINX, 3000)).toBe(false);
      expect(ingressAllowed(policies, podOf(app) as never, PROMETHEUS, 9464)).toBe(false);
    }
  });

  it('every ingress rule is one of the three allowed kinds', () => {
    const rules = policies.flatMap((p) =>
      (p.spec?.ingress ?? []).map((rule) => canonical({ app: p.spec?.podSelector?.matchLabels?.app, from: rule.from, ports: rule.ports })),
    );
    const allowed = (app: string, source: Peer, port: number) => {
      const s = source as Extract<Peer, { kind: 'pod' }>;
      return canonical({
        app,
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': s.namespace } }, podSelector: { matchLabels: s.labels } }],
        ports: [{ protocol: 'TCP', port }],
      });
    };
    const expected = [
      ...['api-service', 'bot-service', 'web-service'].flatMap((app) => [allowed(app, INGRESS_NGINX, 3000), allowed(app, PROMETHEUS, 9464)]),
      allowed('api-service', ALERTMANAGER, 3000),
    ];
    expect(rules.sort()).toEqual(expected.sort());
  });

  it("the database and cache range is the Terraform VPC's", () => {
    const vpc = /variable "vpc_cidr"[\s\S]*?default\s*=\s*"([^"]+)"/.exec(readText('deploy/terraform/aws/variables.tf'))?.[1];
    const cidrs = policies.flatMap((p) => (p.spec?.egress ?? []).filter((r) => r.ports?.some((port) => port.port === 5432 || port.port === 6379)))
      .flatMap((r) => (r.to ?? []).map((peer) => peer.ipBlock?.cidr));
    expect(new Set(cidrs)).toEqual(new Set([vpc]));
  });
});
