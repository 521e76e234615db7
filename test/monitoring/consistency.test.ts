import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import type { MetricsServer } from '../../apps/api/src/metrics-server';
import { alerts, dashboardExpressions, MONITORING, readYaml, rules, RULE_TESTS_DIR, runbookBlocks, RUNBOOKS_DIR, yamlFiles } from './support/assets';
import { familyOf, metricNames } from './support/promql-names';
import { driveTraffic, families, serveMetrics } from './support/scrape';

// The rules, dashboards and runbooks agree with the application: every metric they query is exported by
// the running academy (scraped after real traffic), defined by a recording rule, or listed as an
// exporter's in deploy/monitoring/external-metrics.yml; every alert is complete, tested and has a runbook.

const RUNBOOK_BASE = 'https://github.com/telegram-ios-academy/telegram-ios-academy/blob/main/docs/runbooks/';

describe('alerts are complete, tested, and have runbooks', () => {
  const all = alerts();

  it('the playbook alerts and the ones this platform adds all exist', () => {
    expect(all.map((rule) => rule.alert).sort()).toEqual(
      ['BotUpdatesFailing', 'CacheHitRatioLow', 'DatabaseConnectionPoolHigh', 'DatabasePoolWaiting', 'ErrorBudgetBurnFast', 'ErrorBudgetBurnSlow', 'HighErrorRate', 'HighLatency', 'ServiceDown', 'TargetDown'],
    );
  });

  it.each(all.map((rule) => [rule.alert, rule] as const))('%s has for, severity, summary, description and a runbook that exists', (name, rule) => {
    expect(rule.for).toMatch(/^\d+[smh]$/);
    expect(['critical', 'warning']).toContain(rule.labels?.severity);
    expect(rule.annotations?.summary).toBeTruthy();
    expect(rule.annotations?.description).toBeTruthy();
    expect(rule.annotations?.runbook_url).toBe(`${RUNBOOK_BASE}${name}.md`);
    const runbook = join(RUNBOOKS_DIR, `${name}.md`);
    expect(existsSync(runbook), `docs/runbooks/${name}.md`).toBe(true);
    const text = readFileSync(runbook, 'utf8');
    expect(text.startsWith(`# ${name}\n`)).toBe(true);
    for (const section of ['## What it means', '## Check', '## Do', '## Escalate']) expect(text).toContain(section);
    expect(readFileSync(join(RUNBOOKS_DIR, 'README.md'), 'utf8')).toContain(`[${name}](${name}.md)`);
  });

  it('every alert has a unit test where it fires and one where it must not', () => {
    const cases = yamlFiles(RULE_TESTS_DIR).flatMap((file) =>
      readYaml<{ tests: { alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[] }[] }>(file).tests.flatMap((test) => test.alert_rule_test ?? []),
    );
    for (const { alert } of all) {
      const mine = cases.filter((c) => c.alertname === alert);
      expect(mine.some((c) => (c.exp_alerts ?? []).length > 0), `${alert} fires in some test`).toBe(true);
      expect(mine.some((c) => (c.exp_alerts ?? []).length === 0), `${alert} stays quiet in some test`).toBe(true);
    }
  });
});

describe('every metric the rules, dashboards and runbooks query exists', () => {
  let t: TestApp;
  let server: MetricsServer;
  let exported: Set<string>;
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite', env: { GIT_COMMIT: 'abc1234' } });
    server = await serveMetrics(t);
    await driveTraffic(t);
    exported = families(await (await fetch(`${server.url}/metrics`)).text());
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('is exported by the academy, recorded by a rule, or listed as an exporter metric', () => {
    const recorded = new Set(rules().flatMap((rule) => (rule.record ? [rule.record] : [])));
    const external = readYaml<Record<string, { metrics: string[] }>>(join(MONITORING, 'external-metrics.yml'));
    const fromExporters = new Set(Object.values(external).flatMap((exporter) => exporter.metrics));
    const expressions = [
      ...rules().map((rule) => ({ where: `${rule.alert ?? rule.record}`, expr: rule.expr })),
      ...dashboardExpressions(),
      ...runbookBlocks('promql'),
    ];
    const unknown = expressions.flatMap(({ where, expr }) =>
      metricNames(expr)
        .filter((name) => !familyOf(name, exported) && !recorded.has(name) && !fromExporters.has(name))
        .map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
    // And the exporter list holds nothing that is not used.
    const used = new Set(expressions.flatMap(({ expr }) => metricNames(expr)));
    expect([...fromExporters].filter((name) => !used.has(name))).toEqual([]);
  });

  it('the app exports the contract metrics (names from the architecture brief)', () => {
    for (const name of [
      'http_requests_total',
      'http_request_duration_seconds',
      'academy_db_pool_connections',
      'academy_db_pool_max',
      'academy_cache_requests_total',
      'academy_bot_updates_total',
      'academy_telegram_api_errors_total',
      'academy_build_info',
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_p99_seconds',
    ]) {
      expect(exported, name).toContain(name);
    }
  });
});
