// Terraform files parsed as HCL (hcl2json, the parser cdktf uses; it runs offline in WebAssembly).
import { parse } from '@cdktf/hcl2json';
import { listFiles, readText } from './repo';

export const TERRAFORM_DIR = 'deploy/terraform/aws';
export type HclValue = string | number | boolean | null | HclValue[] | Hcl;
export interface Hcl {
  [key: string]: HclValue;
}

/** The value at a path of keys (array indexes as numbers), undefined when absent. */
export function at(value: HclValue | undefined, ...path: Array<string | number>): HclValue | undefined {
  let current: HclValue | undefined = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? current[key as number] : (current as Hcl)[key as string];
  }
  return current;
}

export async function parseTerraform(): Promise<Record<string, Hcl>> {
  const files = listFiles(TERRAFORM_DIR, (p) => p.endsWith('.tf'));
  const parsed = await Promise.all(files.map(async (file) => [file, (await parse(file, readText(file))) as Hcl] as const));
  return Object.fromEntries(parsed);
}

/** All blocks of one type across files: resource "aws_s3_bucket" → { name: body }. */
export function blocks(files: Record<string, Hcl>, kind: 'resource' | 'data' | 'variable' | 'output', type?: string): Record<string, Hcl> {
  const out: Record<string, Hcl> = {};
  for (const hcl of Object.values(files)) {
    const section = hcl[kind] as Record<string, unknown> | undefined;
    if (!section) continue;
    const group = (type ? section[type] : section) as Record<string, Hcl[] | Hcl> | undefined;
    for (const [name, bodies] of Object.entries(group ?? {})) out[name] = Array.isArray(bodies) ? bodies[0]! : bodies;
  }
  return out;
}

/** A variable's default value. */
export function variableDefault(files: Record<string, Hcl>, name: string): HclValue | undefined {
  const variable = blocks(files, 'variable')[name];
  if (!variable) throw new Error(`no variable ${name}`);
  return variable.default;
}

/** Every `tags` object key in the parsed files, with where it is. */
export function tagKeys(value: unknown, where = ''): Array<{ key: string; where: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => tagKeys(v, `${where}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => {
    const here = `${where}.${key}`;
    const own = key === 'tags' && v && typeof v === 'object' ? Object.keys(v).map((k) => ({ key: k, where: here })) : [];
    return [...own, ...tagKeys(v, here)];
  });
}
