// GitHub Actions files: workflows, local composite actions, and what their steps run.
import { dirname, join } from 'node:path';
import { listFiles, readYaml } from './repo';

export interface Step {
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
}
export interface StepSource {
  file: string;
  where: string;
  step: Step;
}

export const WORKFLOWS = listFiles('.github/workflows', (p) => /\.ya?ml$/.test(p));
export const ACTIONS = listFiles('actions', (p) => /\/action\.ya?ml$/.test(p));

/** Every step of every workflow job and every local composite action. */
export function allSteps(): StepSource[] {
  const steps: StepSource[] = [];
  for (const file of WORKFLOWS) {
    const workflow = readYaml<{ jobs: Record<string, { steps?: Step[] }> }>(file);
    for (const [job, definition] of Object.entries(workflow.jobs)) {
      (definition.steps ?? []).forEach((step, index) => steps.push({ file, where: `${job}[${index}] ${step.name ?? ''}`, step }));
    }
  }
  for (const file of ACTIONS) {
    const action = readYaml<{ runs: { steps?: Step[] } }>(file);
    (action.runs.steps ?? []).forEach((step, index) => steps.push({ file, where: `steps[${index}] ${step.name ?? ''}`, step }));
  }
  return steps;
}

/** The npm scripts a command line calls: `npm run x`, `npm test`, `npm start`. */
export function npmScriptsCalled(script: string): string[] {
  const names = [...script.matchAll(/\bnpm\s+run(?:-script)?\s+([\w:.-]+)/g)].map((m) => m[1]!);
  if (/\bnpm\s+(test|t)\b/.test(script)) names.push('test');
  if (/\bnpm\s+start\b/.test(script)) names.push('start');
  return names;
}

/** Repository files a step's script runs: .github/scripts/… and $GITHUB_ACTION_PATH/… (relative to the action). */
export function scriptsCalled(source: StepSource): string[] {
  const run = source.step.run ?? '';
  const fromRoot = [...run.matchAll(/(?:^|[\s"'])\.?\/?(\.github\/scripts\/[\w.-]+)/g)].map((m) => m[1]!);
  const fromAction = [...run.matchAll(/\$\{?GITHUB_ACTION_PATH\}?\/([\w.-]+)/g)].map((m) => join(dirname(source.file), m[1]!));
  return [...fromRoot, ...fromAction];
}

/** The run script as bash would see it, GitHub expressions replaced by a placeholder word. */
export const runAsBash = (run: string): string => `#!/usr/bin/env bash\nset -euo pipefail\n${run.replace(/\$\{\{[^}]*\}\}/g, 'GHA_EXPRESSION')}\n`;
