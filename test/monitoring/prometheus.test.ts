import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listIncidents } from '@academy/core';
import { createPostgresDatabase, skipWithout, TcpProxy, TEST_DATABASE_URL } from '@academy/core/testing';
import type { MetricsServer } from '../../apps/api/src/metrics-server';
import { call, startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import { localAlertmanagerConfig, localPrometheusConfig } from '../../scripts/observe-config';
import { PROMETHEUS_CONFIG, RULES_DIR } from './support/assets';
import { eventually, freePort, startDaemon, type Daemon } from './support/processes';
import { serveMetrics } from './support/scrape';
import { skipWithoutTools, which } from './support/tools';

// The academy and a real Prometheus (and Alertmanager) on loopback, scraping every second with the
// repository's rules. Traffic is driven through healthy, slow-database and database-down phases, and
// Prometheus's HTTP API must show the request rate, the latency quantile and the error ratio move.

const skip = skipWithoutTools('prometheus', 'alertmanager') || (await skipWithout('postgres'));
const OPS_TOKEN = 'ops-token-for-monitoring-tests-0123';
const USER_TRAFFIC = 'job="academy", route!~"/health|/ready"';

describe.skipIf(skip)('the academy under a real Prometheus', () => {
  const work = mkdtempSync(join(tmpdir(), 'academy-prometheus-'));
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  let t: TestApp;
  let metrics: MetricsServer;
  let prometheus: Daemon;
  let alertmanager: Daemon;
  let token: string;
  let stopTraffic = false;
  let traffic: Promise<void>[] = [];

  async function query(expr: string): Promise<number | undefined> {
    const response = await fetch(`${prometheus.url}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await response.json()) as { status: string; data: { result: { value: [number, string] }[] } };
    const value = body.data.result[0]?.value[1];
    return value === undefined ? undefined : Number(value);
  }
  const until = (what: string, expr: string, ok: (value: number) => boolean) =>
    eventually(what, async () => {
      const value = await query(expr);
      return value !== undefined && ok(value) ? value : undefined;
    });

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    t = await startTestApp({ database: { url: proxy.url(created.url) }, env: { OPS_TOKEN } });
    metrics = await serveMetrics(t);
    token = await t.signIn(8001);

    const [promPort, amPort] = [await freePort(), await freePort()];
    // The Kubernetes job exactly as deployed, its discovery swapped for files carrying the same
    // __meta_kubernetes_* labels (Debian's Prometheus has no Kubernetes discovery): an annotated pod
    // must be scraped on its annotated port and path, a pod without the annotation must not.
    const deployed = parse(readFileSync(PROMETHEUS_CONFIG, 'utf8')) as { scrape_configs: Record<string, unknown>[] };
    const { kubernetes_sd_configs: _discovery, ...podsJob } = deployed.scrape_configs.find((job) => job.job_name === 'kubernetes-pods')!;
    const pod = (name: string, annotations: Record<string, string>) => ({
      targets: ['127.0.0.1:3000'],
      labels: {
        __meta_kubernetes_namespace: 'production',
        __meta_kubernetes_pod_name: name,
        __meta_kubernetes_pod_phase: 'Running',
        __meta_kubernetes_pod_label_app: 'api-service',
        __meta_kubernetes_pod_label_rollouts_pod_template_hash: '7d9f8c',
        ...Object.fromEntries(Object.entries(annotations).map(([key, value]) => [`__meta_kubernetes_pod_annotation_prometheus_io_${key}`, value])),
      },
    });
    writeFileSync(join(work, 'pods.json'), JSON.stringify([pod('api-service-7d9f8c-scraped', { scrape: 'true', port: String(metrics.port), path: '/metrics' }), pod('api-service-7d9f8c-ignored', {})]));
    writeFileSync(
      join(work, 'prometheus.yml'),
      localPrometheusConfig({
        targets: [`127.0.0.1:${metrics.port}`],
        ruleFiles: [join(RULES_DIR, '*.yml')],
        alertmanager: `127.0.0.1:${amPort}`,
        interval: '1s',
        extraJobs: [{ ...podsJob, file_sd_configs: [{ files: [join(work, 'pods.json')], refresh_interval: '1s' }] }],
      }),
    );
    writeFileSync(join(work, 'alertmanager.yml'), localAlertmanagerConfig({ webhookUrl: `${t.url}/api/v1/ops/alerts`, opsToken: OPS_TOKEN, groupWait: '1s', groupInterval: '1s' }));
    [prometheus, alertmanager] = await Promise.all([
      startDaemon('prometheus', [`--config.file=${join(work, 'prometheus.yml')}`, `--storage.tsdb.path=${join(work, 'tsdb')}`, `--web.listen-address=127.0.0.1:${promPort}`, '--log.level=warn'], `http://127.0.0.1:${promPort}`, '/-/ready'),
      startDaemon(which('alertmanager')!, [`--config.file=${join(work, 'alertmanager.yml')}`, `--storage.path=${join(work, 'am')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address='], `http://127.0.0.1:${amPort}`, '/-/ready'),
    ]);

    // Three clients in a loop: a cached read, a database read (progress) and a 404 (a 4xx, not an error).
    const client = async () => {
      while (!stopTraffic) {
        await Promise.all([
          call(t.url, 'GET', '/api/v1/courses'),
          call(t.url, 'GET', '/api/v1/me/progress', { token }),
          call(t.url, 'GET', '/no/such/page'),
        ]).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    };
    traffic = [client(), client(), client()];
  }, 60_000);

  afterAll(async () => {
    stopTraffic = true;
    proxy?.restore();
    await Promise.all(traffic);
    await Promise.all([prometheus?.stop(), alertmanager?.stop()]);
    await metrics?.close();
    await t?.close();
    await proxy?.close();
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('healthy: requests are counted by route template, nothing fails, p95 is well under 500 ms', async () => {
    await until('request rate', `sum(rate(http_requests_total{${USER_TRAFFIC}}[5s]))`, (rate) => rate > 5);
    await until('404s counted under the fixed "unmatched" route', 'sum(rate(http_requests_total{job="academy", route="unmatched", status="404"}[5s]))', (rate) => rate > 0);
    expect(await query(`(sum(rate(http_requests_total{status=~"5..", ${USER_TRAFFIC}}[5s])) or vector(0)) / sum(rate(http_requests_total{${USER_TRAFFIC}}[5s]))`)).toBe(0);
    const p95 = await query(`histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{${USER_TRAFFIC}}[5s])))`);
    expect(p95).toBeLessThan(0.5);
    // The pool gauges and build info are there too.
    expect(await query('academy_db_pool_max{job="academy"}')).toBe(20);
    expect(await query('academy_build_info{job="academy"}')).toBe(1);
  });

  it('the Kubernetes job keeps only annotated pods, scrapes their annotated port, and copies pod labels', async () => {
    const up = await until('annotated pod scraped', 'up{job="kubernetes-pods", namespace="production", pod="api-service-7d9f8c-scraped", app="api-service", rollouts_pod_template_hash="7d9f8c"}', (value) => value === 1);
    expect(up).toBe(1);
    expect(await query('count(up{job="kubernetes-pods", pod="api-service-7d9f8c-ignored"})')).toBeUndefined();
    // A rate needs two scrapes of the target: wait for the second rather than racing it.
    await until('annotated pod traffic', 'sum(rate(http_requests_total{job="kubernetes-pods", app="api-service"}[5s]))', (rate) => rate > 0);
  });

  it('slow database: the latency quantile of the database route crosses 500 ms', async () => {
    proxy.delayMs = 300;
    try {
      const p95 = await until(
        'p95 above 500 ms',
        `histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket{job="academy", route="/api/v1/me/progress"}[5s])))`,
        (value) => value > 0.5,
      );
      expect(p95).toBeGreaterThan(0.5);
    } finally {
      proxy.delayMs = 0;
    }
  });

  it('database down: 503s raise the error ratio, the SLO rules see it and the burn-rate alert goes pending', async () => {
    proxy.cut();
    try {
      const ratio = await until('error ratio', `sum(rate(http_requests_total{status=~"5..", ${USER_TRAFFIC}}[5s])) / sum(rate(http_requests_total{${USER_TRAFFIC}}[5s]))`, (value) => value > 0.2);
      expect(ratio).toBeLessThan(1); // cached reads and 404s still answer
      expect(await query('sum(rate(http_requests_total{job="academy", route="/api/v1/me/progress", status="503"}[5s]))')).toBeGreaterThan(0);
      await until('recording rule', 'academy:http_errors:ratio_rate5m{job!="kubernetes-pods", app="academy"}', (value) => value > 0.0144);
      await until('ErrorBudgetBurnFast pending or firing', 'count(ALERTS{alertname="ErrorBudgetBurnFast", app="academy"})', (value) => value >= 1);
      // Prometheus knows the Alertmanager it would send the page to.
      const managers = (await (await fetch(`${prometheus.url}/api/v1/alertmanagers`)).json()) as { data: { activeAlertmanagers: unknown[] } };
      expect(managers.data.activeAlertmanagers).toHaveLength(1);
    } finally {
      proxy.restore();
    }
  });

  it('Alertmanager delivers firing and resolved notifications to the incident log (POST /api/v1/ops/alerts)', async () => {
    const labels = { alertname: 'ServiceDown', severity: 'critical', app: 'academy-e2e', job: 'academy' };
    const annotations = { summary: 'academy-e2e: every instance is down', runbook_url: 'https://example.invalid/ServiceDown.md' };
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const post = (body: unknown) => fetch(`${alertmanager.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post([{ labels, annotations, startsAt }])).status).toBe(200);
    const firing = await eventually('firing incident recorded', async () => (await listIncidents(t.deps.db)).find((incident) => incident.labels.app === 'academy-e2e'));
    expect(firing).toMatchObject({ alertname: 'ServiceDown', severity: 'critical', status: 'firing', summary: annotations.summary, resolvedAt: null });
    expect(firing.startedAt.toISOString()).toBe(startsAt);

    expect((await post([{ labels, annotations, startsAt, endsAt: new Date().toISOString() }])).status).toBe(200);
    const resolved = await eventually('resolved', async () => (await listIncidents(t.deps.db)).find((incident) => incident.labels.app === 'academy-e2e' && incident.status === 'resolved'));
    expect(resolved.id).toBe(firing.id);
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
  });
});
