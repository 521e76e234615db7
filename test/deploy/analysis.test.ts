// The AnalysisTemplate's query, run by promtool against synthetic series: it aggregates before dividing,
// it only looks at the version under analysis, and a version without traffic passes instead of making
// the analysis error (an empty result) or fail (NaN).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { as, findObject, loadBase } from './support/k8s';
import { run, toolAvailable } from './support/repo';

const template = as<IAnalysisTemplate>(findObject(loadBase(), 'AnalysisTemplate', 'success-rate'));
const metric = template.spec.metrics[0]!;
const query = (metric.provider.prometheus?.query ?? '')
  .replaceAll('{{args.namespace}}', 'production')
  .replaceAll('{{args.pod-template-hash}}', 'new1234');

/** Argo's successCondition, read as `result[0] >= threshold`. */
function passes(value: number): boolean {
  const match = /^result\[0\]\s*>=\s*([\d.]+)$/.exec(metric.successCondition ?? '');
  if (!match) throw new Error(`unexpected successCondition: ${metric.successCondition}`);
  return value >= Number(match[1]);
}

const series = (hash: string, status: string, values: string, namespace = 'production') => ({
  series: `http_requests_total{namespace="${namespace}",rollouts_pod_template_hash="${hash}",method="GET",route="/api/v1/courses",status="${status}"}`,
  values,
});

interface Case {
  name: string;
  input: Array<{ series: string; values: string }>;
  expected: number;
}

// 15 s samples for 10 minutes; evaluated at 8 minutes.
const cases: Case[] = [
  { name: 'no traffic at all, no series yet', input: [], expected: 1 },
  { name: 'series exist but the counters stand still', input: [series('new1234', '200', '100x40'), series('new1234', '500', '3x40')], expected: 1 },
  {
    name: 'the old version fails, the new one does not',
    input: [series('new1234', '200', '0+150x40'), series('old5678', '500', '0+150x40'), series('new1234', '500', '0+150x40', 'staging')],
    expected: 1,
  },
  { name: 'the new version answers 10% with 5xx', input: [series('new1234', '200', '0+540x40'), series('new1234', '503', '0+60x40')], expected: 0.9 },
  {
    name: 'errors spread over several routes and codes are summed',
    input: [series('new1234', '200', '0+1000x40'), series('new1234', '500', '0+5x40'), series('new1234', '502', '0+5x40')],
    expected: 1 - 10 / 1010,
  },
];

describe.skipIf(!toolAvailable('promtool'))('success-rate analysis (promtool)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analysis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function promtool(c: Case) {
    writeFileSync(join(dir, 'empty-rules.yml'), 'groups: []\n');
    const tests = {
      rule_files: ['empty-rules.yml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '15s',
          input_series: c.input,
          promql_expr_test: [{ expr: query, eval_time: '8m', exp_samples: [{ labels: '{}', value: c.expected }] }],
        },
      ],
    };
    const file = join(dir, 'analysis-test.yml');
    writeFileSync(file, stringify(tests));
    return run('promtool', ['test', 'rules', file]);
  }

  it.each(cases)('$name → $expected', (c) => {
    const result = promtool(c);
    expect(result.status, result.output).toBe(0);
  });

  it('the condition passes a quiet or healthy version and fails a 10% error rate', () => {
    expect(passes(1)).toBe(true);
    expect(passes(1 - 10 / 1010)).toBe(true);
    expect(passes(0.9)).toBe(false);
  });

  it('promtool does fail a wrong expectation (the check can fail)', () => {
    const result = promtool({ name: 'wrong', input: [series('new1234', '500', '0+60x40')], expected: 1 });
    expect(result.status).not.toBe(0);
  });
});
