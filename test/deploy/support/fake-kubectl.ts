// A stand-in for kubectl that records its calls, answers the deploy script's queries from a script of
// Rollout states, and hands `kubectl kustomize` to the real kubectl.
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocs, type K8sObject } from './k8s';

const FAKE = `#!/usr/bin/env bash
set -euo pipefail
echo "$*" >> "$FAKE_DIR/calls.log"
case "$1" in
  kustomize) exec "$REAL_KUBECTL" "$@" ;;
  apply)
    n=$(ls "$FAKE_DIR" | grep -c '^applied-' || true)
    file=""; selector=""
    while (($#)); do case "$1" in -f) file="$2"; shift ;; -l) selector="$2"; shift ;; esac; shift; done
    cp "$file" "$FAKE_DIR/applied-$n.yaml"; printf '%s' "$selector" > "$FAKE_DIR/applied-$n.selector" ;;
  get)
    case "$2" in
      rollout)
        line=$(head -n 1 "$FAKE_DIR/states")
        if [ "$(wc -l < "$FAKE_DIR/states")" -gt 1 ]; then sed -i 1d "$FAKE_DIR/states"; fi
        printf '%s' "$line" ;;
      job) printf '%s' "$FAKE_JOB_CONDITIONS" ;;
      deployments) printf 'deployment.apps/bot-service\\ndeployment.apps/web-service\\n' ;;
    esac ;;
esac
`;

export interface FakeRun {
  calls: string[];
  applied: Array<{ selector: string; objects: K8sObject[] }>;
}

export function installFakeKubectl(dir: string, states: string[]): { binDir: string; read: () => FakeRun } {
  const binDir = join(dir, 'bin');
  mkdirSync(binDir, { recursive: true });
  writeFileSync(join(binDir, 'kubectl'), FAKE);
  chmodSync(join(binDir, 'kubectl'), 0o755);
  writeFileSync(join(dir, 'states'), `${states.join('\n')}\n`);
  writeFileSync(join(dir, 'calls.log'), '');
  return {
    binDir,
    read: () => ({
      calls: readFileSync(join(dir, 'calls.log'), 'utf8').split('\n').filter(Boolean),
      applied: readdirSync(dir)
        .filter((f) => /^applied-\d+\.yaml$/.test(f))
        .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
        .map((f) => ({
          selector: readFileSync(join(dir, f.replace('.yaml', '.selector')), 'utf8'),
          objects: readDocs(readFileSync(join(dir, f), 'utf8'), f),
        })),
    }),
  };
}

/** kubectl's label selector semantics for the forms the deploy script uses: `key=value` and `!key`. */
export function selects(selector: string, labels: Record<string, string> = {}): boolean {
  return selector.split(',').every((term) => {
    if (term.startsWith('!')) return !(term.slice(1) in labels);
    const [key, value] = term.split('=');
    return labels[key!] === value;
  });
}
