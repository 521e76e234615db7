// Files of the repository as the deploy checks see them: paths from the root, YAML documents, tools.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const IN_CI = process.env.CI === 'true';

export const repoPath = (...parts: string[]): string => join(ROOT, ...parts);
export const readText = (path: string): string => readFileSync(repoPath(path), 'utf8');
export const exists = (path: string): boolean => existsSync(repoPath(path));

/** Every non-empty document of a YAML text; a syntax error throws with the source name. */
export function parseYamlDocs(text: string, source: string): unknown[] {
  return parseAllDocuments(text, { merge: true })
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors.map((e) => e.message).join('; ')}`);
      return doc.toJS({ maxAliasCount: 100 }) as unknown;
    })
    .filter((doc) => doc !== null && doc !== undefined);
}

export const readYamlDocs = (path: string): unknown[] => parseYamlDocs(readText(path), path);

export function readYaml<T = Record<string, unknown>>(path: string): T {
  const docs = readYamlDocs(path);
  if (docs.length !== 1) throw new Error(`${path}: expected one YAML document, found ${docs.length}`);
  return docs[0] as T;
}

/** Files under a directory of the repository (relative paths), node_modules excluded. */
export function listFiles(dir: string, keep: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    if (!existsSync(abs)) return;
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const full = join(abs, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (keep(relative(ROOT, full))) out.push(relative(ROOT, full));
    }
  };
  walk(repoPath(dir));
  return out.sort();
}

const installHints: Record<string, string> = {
  kubectl: 'install kubectl 1.30+ (it bundles kustomize)',
  shellcheck: 'apt-get install -y shellcheck',
  yamllint: 'apt-get install -y yamllint',
  promtool: 'apt-get install -y prometheus (promtool)',
  jq: 'apt-get install -y jq',
  curl: 'apt-get install -y curl',
};

/**
 * True when the command is on PATH. When it is missing: under CI=true this throws (the check must run
 * there); elsewhere it prints how to install it and returns false so the suite can be skipped.
 */
export function toolAvailable(command: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
  if (found) return true;
  const hint = installHints[command] ?? `install ${command}`;
  if (IN_CI) throw new Error(`${command} is required when CI=true: ${hint}`);
  console.warn(`[deploy checks] ${command} not found, skipping its checks: ${hint}`);
  return false;
}

/** Runs a command from the repository root; returns status and output instead of throwing. */
export function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: options.env ?? process.env,
    input: options.input,
    maxBuffer: 32 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '', output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}
