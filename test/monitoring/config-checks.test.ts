import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  ALERTMANAGER_CONFIG,
  allPanels,
  dashboardExpressions,
  dashboards,
  MONITORING,
  PROMETHEUS_CONFIG,
  readYaml,
  ROOT,
  ruleFiles,
  RULES_DIR,
  RULE_TESTS_DIR,
  runbookBlocks,
  yamlFiles,
} from './support/assets';
import { run, skipWithoutTools } from './support/tools';

// The monitoring files, checked by the tools that load them: promtool (config, rules, rule unit tests)
// and amtool (Alertmanager config and routing). Grafana and the collector have no CLI here: their files
// are checked for what Grafana and the collector require.

const skip = skipWithoutTools('promtool', 'amtool');
const work = mkdtempSync(join(tmpdir(), 'academy-monitoring-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(skip)('Prometheus configuration and rules (promtool)', () => {
  it('prometheus.yml is valid, with its rule files where the deployment mounts them (rules/ beside it)', async () => {
    // Debian's Prometheus is built without Kubernetes discovery, so its promtool rejects
    // kubernetes_sd_configs. That one discovery block is swapped for file discovery; everything else —
    // relabelling, the other jobs, rule files, alerting — is checked exactly as written.
    const original = readFileSync(PROMETHEUS_CONFIG, 'utf8');
    const kubernetesDiscovery = '    kubernetes_sd_configs:\n      - role: pod\n';
    expect(original).toContain(kubernetesDiscovery);
    const dir = join(work, 'etc-prometheus');
    mkdirSync(dir);
    writeFileSync(join(dir, 'prometheus.yml'), original.replace(kubernetesDiscovery, '    file_sd_configs:\n      - files: [pods.json]\n'));
    writeFileSync(join(dir, 'pods.json'), '[]');
    symlinkSync(RULES_DIR, join(dir, 'rules'));
    const result = await run('promtool', ['check', 'config', join(dir, 'prometheus.yml')]);
    expect(result.stderr + result.stdout).toContain('is valid prometheus config file syntax');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`SUCCESS: ${ruleFiles().length} rule files found`);
  });

  it('keeps the playbook jobs: annotated pods, postgres-exporter:9187, redis-exporter:9121, and Alertmanager', () => {
    const config = readYaml<{ scrape_configs: { job_name: string; static_configs?: { targets: string[] }[]; relabel_configs?: { source_labels?: string[]; action?: string }[] }[]; alerting: unknown; rule_files: string[] }>(PROMETHEUS_CONFIG);
    const jobs = new Map(config.scrape_configs.map((job) => [job.job_name, job]));
    const pods = jobs.get('kubernetes-pods');
    expect(pods?.relabel_configs?.[0]).toMatchObject({ source_labels: ['__meta_kubernetes_pod_annotation_prometheus_io_scrape'], action: 'keep' });
    const sources = pods?.relabel_configs?.flatMap((rule) => rule.source_labels ?? []);
    expect(sources).toEqual(expect.arrayContaining(['__meta_kubernetes_pod_annotation_prometheus_io_port', '__meta_kubernetes_pod_annotation_prometheus_io_path', '__meta_kubernetes_namespace']));
    expect(jobs.get('postgres-exporter')?.static_configs?.[0]?.targets).toEqual(['postgres-exporter:9187']);
    expect(jobs.get('redis-exporter')?.static_configs?.[0]?.targets).toEqual(['redis-exporter:9121']);
    expect(config.rule_files).toEqual(['rules/*.yml']);
    expect(stringify(config.alerting)).toContain('alertmanager:9093');
  });

  it('every rule file passes promtool check rules', async () => {
    const result = await run('promtool', ['check', 'rules', ...ruleFiles()]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('every rule unit test passes (promtool test rules)', async () => {
    const tests = yamlFiles(RULE_TESTS_DIR);
    expect(tests.length).toBeGreaterThan(0);
    const result = await run('promtool', ['test', 'rules', ...tests], { timeoutMs: 60_000 });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout.match(/SUCCESS/g)?.length).toBe(tests.length);
  });

  it('every dashboard and runbook expression parses as PromQL (checked as recording rules by promtool)', async () => {
    const expressions = [...dashboardExpressions(), ...runbookBlocks('promql')];
    expect(expressions.length).toBeGreaterThan(10);
    const file = join(work, 'dashboard-expressions.yml');
    writeFileSync(file, stringify({ groups: [{ name: 'dashboards', rules: expressions.map(({ expr }, index) => ({ record: `dashboard:expr_${index}`, expr })) }] }));
    const result = await run('promtool', ['check', 'rules', file]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe.skipIf(skip)('Alertmanager configuration (amtool)', () => {
  it('passes amtool check-config', async () => {
    const result = await run('amtool', ['check-config', ALERTMANAGER_CONFIG]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('SUCCESS');
  });

  const routes = async (...labels: string[]) =>
    (await run('amtool', ['config', 'routes', 'test', `--config.file=${ALERTMANAGER_CONFIG}`, ...labels])).stdout.trim().split(',').sort();

  it('routes critical to PagerDuty + Slack #incidents, warning to Slack, everything to the incident log, staging to its channel only', async () => {
    expect(await routes('alertname=ErrorBudgetBurnFast', 'severity=critical', 'namespace=production', 'app=api-service')).toEqual(['incident-log', 'pagerduty-and-incidents']);
    expect(await routes('alertname=HighLatency', 'severity=warning', 'namespace=production', 'app=api-service')).toEqual(['incident-log', 'slack-alerts']);
    expect(await routes('alertname=ServiceDown', 'severity=critical', 'namespace=staging', 'app=api-service')).toEqual(['slack-staging']);
    const config = readFileSync(ALERTMANAGER_CONFIG, 'utf8');
    expect(config).toContain('channel: "#incidents"');
    expect(config).toContain('url: http://api-service.production.svc.cluster.local:3000/api/v1/ops/alerts');
  });

  it('inhibits a warning while a critical alert of the same service fires', () => {
    const config = readYaml<{ inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[] }>(ALERTMANAGER_CONFIG);
    expect(config.inhibit_rules).toEqual([{ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['namespace', 'app'] }]);
  });
});

describe.skipIf(skipWithoutTools('yamllint'))('YAML style (yamllint, the repository config)', () => {
  it('every monitoring YAML file passes yamllint -s', async () => {
    const result = await run('yamllint', ['-s', '-c', join(ROOT, '.yamllint.yaml'), MONITORING]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });
});

describe('Grafana and the OpenTelemetry collector', () => {
  it('dashboards use the current schema: timeseries and stat panels, unique ids, the provisioned data source', () => {
    for (const dashboard of dashboards()) {
      expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(36);
      expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
      const panels = allPanels(dashboard);
      expect(panels.filter((panel) => ['graph', 'singlestat', 'table-old'].includes(panel.type))).toEqual([]);
      const ids = panels.map((panel) => (panel as { id?: number }).id);
      expect(new Set(ids).size).toBe(ids.length);
      const titles = panels.map((panel) => panel.title);
      expect(titles).toEqual(expect.arrayContaining(['Request rate by route', 'Error rate (5xx)', 'Response time distribution', 'Application pool connections', 'Cache hit ratio', 'Telegram updates by outcome', 'Error budget remaining (30 days)']));
    }
    const datasource = readYaml<{ datasources: { uid: string; type: string }[] }>(join(MONITORING, 'grafana/provisioning/datasources/prometheus.yml'));
    expect(datasource.datasources[0]).toMatchObject({ uid: 'prometheus', type: 'prometheus' });
    const provider = readYaml<{ providers: { options: { path: string } }[] }>(join(MONITORING, 'grafana/provisioning/dashboards/academy.yml'));
    // deploy/docker/compose.yaml mounts the dashboards there.
    expect(provider.providers[0]?.options.path).toBe('/var/lib/grafana/dashboards');
  });

  it('the collector receives OTLP/HTTP on 4318 and exports traces to Jaeger over OTLP', () => {
    const config = readYaml<{
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      processors: Record<string, unknown>;
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: { traces: { receivers: string[]; processors: string[]; exporters: string[] } } };
    }>(join(MONITORING, 'otel-collector/config.yaml'));
    expect(config.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    const pipeline = config.service.pipelines.traces;
    for (const name of pipeline.processors) expect(Object.keys(config.processors)).toContain(name);
    for (const name of pipeline.exporters) expect(Object.keys(config.exporters)).toContain(name);
    expect(pipeline.exporters.map((name) => config.exporters[name]?.endpoint)).toEqual(['jaeger:4317']);
    expect(Object.keys(config.exporters).some((name) => name.startsWith('jaeger'))).toBe(false); // the retired Jaeger exporter
  });
});
