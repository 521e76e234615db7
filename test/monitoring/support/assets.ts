import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// The monitoring files of the repository, read for the consistency checks.

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MONITORING = join(ROOT, 'deploy', 'monitoring');
export const RULES_DIR = join(MONITORING, 'rules');
export const RULE_TESTS_DIR = join(RULES_DIR, 'tests');
export const DASHBOARDS_DIR = join(MONITORING, 'grafana', 'dashboards');
export const RUNBOOKS_DIR = join(ROOT, 'docs', 'runbooks');
export const PROMETHEUS_CONFIG = join(MONITORING, 'prometheus', 'prometheus.yml');
export const ALERTMANAGER_CONFIG = join(MONITORING, 'alertmanager', 'alertmanager.yml');

export interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function readYaml<T>(path: string): T {
  return parse(readFileSync(path, 'utf8')) as T;
}

export function ruleFiles(): string[] {
  return yamlFiles(RULES_DIR);
}

export function rules(): (Rule & { file: string })[] {
  return ruleFiles().flatMap((file) =>
    readYaml<{ groups: { rules: Rule[] }[] }>(file).groups.flatMap((group) => group.rules.map((rule) => ({ ...rule, file }))),
  );
}

export function alerts(): (Rule & { alert: string; file: string })[] {
  return rules().filter((rule): rule is Rule & { alert: string; file: string } => typeof rule.alert === 'string');
}

interface Panel {
  type: string;
  title?: string;
  targets?: { expr?: string }[];
  panels?: Panel[];
}

export interface Dashboard {
  file: string;
  uid: string;
  title: string;
  schemaVersion: number;
  panels: Panel[];
  templating?: { list: { name: string; type: string; query?: unknown; definition?: string }[] };
}

export function dashboards(): Dashboard[] {
  return readdirSync(DASHBOARDS_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => ({ ...(JSON.parse(readFileSync(join(DASHBOARDS_DIR, name), 'utf8')) as Omit<Dashboard, 'file'>), file: name }));
}

export function allPanels(dashboard: Dashboard): Panel[] {
  return dashboard.panels.flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}

/** Grafana's variables replaced by values PromQL accepts ($__rate_interval → 5m, $namespace → .*). */
export function withoutGrafanaVariables(expr: string): string {
  return expr.replace(/\$__(rate_)?interval|\$__range/g, '5m').replace(/\$\{?\w+\}?/g, '.*');
}

/** Every PromQL expression of the dashboards, with where it came from. */
export function dashboardExpressions(): { where: string; expr: string }[] {
  return dashboards().flatMap((dashboard) =>
    allPanels(dashboard).flatMap((panel) =>
      (panel.targets ?? []).filter((target) => target.expr).map((target) => ({ where: `${dashboard.file}: ${panel.title}`, expr: withoutGrafanaVariables(target.expr!) })),
    ),
  );
}

/** The fenced code blocks of one language (promql, sql, sh) in the runbooks. */
export function runbookBlocks(language: string): { where: string; expr: string }[] {
  return readdirSync(RUNBOOKS_DIR)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) =>
      [...readFileSync(join(RUNBOOKS_DIR, name), 'utf8').matchAll(new RegExp('^( *)```' + language + '\\n([\\s\\S]*?)^\\1```', 'gm'))].map((match) => ({
        where: name,
        expr: match[2]!.replace(new RegExp('^' + match[1], 'gm'), '').trim(),
      })),
    );
}
