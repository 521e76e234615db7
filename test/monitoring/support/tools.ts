import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { IN_CI } from '@academy/core/testing';

// The Prometheus tools the monitoring suite runs. Under CI=true a missing tool fails the suite; elsewhere
// the suite is skipped with the command that installs it.

const PACKAGES: Record<string, string> = {
  promtool: 'prometheus',
  prometheus: 'prometheus',
  amtool: 'prometheus-alertmanager',
  alertmanager: 'prometheus-alertmanager',
};

/** Debian installs Alertmanager as prometheus-alertmanager; upstream archives call it alertmanager. */
const ALIASES: Record<string, string[]> = { alertmanager: ['alertmanager', 'prometheus-alertmanager'] };

export function which(binary: string): string | undefined {
  for (const name of ALIASES[binary] ?? [binary]) {
    const found = onPath(name);
    if (found) return found;
  }
  return undefined;
}

function onPath(binary: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, binary);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** True when a tool is missing and the suite should be skipped; throws under CI=true. */
export function skipWithoutTools(...binaries: string[]): boolean {
  const missing = binaries.filter((binary) => !which(binary));
  if (missing.length === 0) return false;
  const packages = [...new Set(missing.map((binary) => PACKAGES[binary] ?? binary))].join(' ');
  const hint = `${missing.join(', ')} not installed: apt-get update && apt-get install -y ${packages}`;
  if (IN_CI) throw new Error(`CI=true and ${hint}`);
  console.warn(`skipping: ${hint}`);
  return true;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool to completion (bounded); never throws on a non-zero exit. */
export async function run(binary: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)(binary, args, { cwd: options.cwd, timeout: options.timeoutMs ?? 30_000, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}
