// The environment contract from packages/core/src/config/schema.ts, and the env a container would get.
import type { IContainer } from 'kubernetes-models/v1/Container';
import { ConfigError, loadConfig } from '../../../packages/core/src/config/load';
import { configSchema } from '../../../packages/core/src/config/schema';
import type { K8sObject } from './k8s';
import { baseName } from './k8s';

/** Every variable the schema knows: the base object's keys and those of each BOT_MODE variant. */
export const CONFIG_KEYS: ReadonlySet<string> = new Set([
  ...Object.keys(configSchema.def.left.shape),
  ...configSchema.def.right.options.flatMap((option) => Object.keys(option.shape)),
]);

/**
 * Plausible values for each secret key the ExternalSecret produces, so that a container's whole
 * environment can be run through the real schema. A key without a sample fails the check.
 */
export const SECRET_SAMPLES: Record<string, string> = {
  'database-url': 'postgres://academy:password@academy-production.example.internal:5432/academy',
  'database-read-url': 'postgres://academy:password@academy-production-replica.example.internal:5432/academy',
  'database-ca-cert': '-----BEGIN CERTIFICATE-----\nMIIBsample\n-----END CERTIFICATE-----\n',
  'redis-url': 'rediss://:token@academy-production.cache.example.internal:6379',
  'session-secret': 's'.repeat(64),
  'admin-token': 'a'.repeat(40),
  'ops-token': 'o'.repeat(40),
  'telegram-webhook-secret': 'w'.repeat(48),
  'telegram-bot-token': `123456789:${'A'.repeat(35)}`,
};

export interface EnvSource {
  name: string;
  from: 'literal' | 'configMap' | 'secret';
  secret?: { name: string; key: string };
  value?: string;
}

/** What a container's environment is made of: envFrom config maps, literals and secret references. */
export function envSources(container: IContainer, objects: K8sObject[]): EnvSource[] {
  const sources: EnvSource[] = [];
  for (const from of container.envFrom ?? []) {
    if (from.secretRef) throw new Error(`${container.name}: envFrom secretRef exposes every key of a secret; reference keys one by one`);
    const name = from.configMapRef?.name ?? '';
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && baseName(o.metadata.name) === baseName(name));
    if (!configMap) throw new Error(`${container.name}: no ConfigMap ${name}`);
    for (const [key, value] of Object.entries(configMap.data ?? {})) sources.push({ name: key, from: 'configMap', value });
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom?.secretKeyRef;
    if (ref) sources.push({ name: variable.name, from: 'secret', secret: { name: ref.name ?? '', key: ref.key } });
    else if (variable.valueFrom) throw new Error(`${container.name}: ${variable.name} uses an unsupported valueFrom`);
    else sources.push({ name: variable.name, from: 'literal', value: variable.value ?? '' });
  }
  return sources;
}

/** The environment the process would see (secrets replaced by samples); later entries win, as in Kubernetes. */
export function effectiveEnv(sources: EnvSource[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of sources) {
    if (source.from === 'secret') {
      const sample = SECRET_SAMPLES[source.secret!.key];
      if (sample === undefined) throw new Error(`no sample for secret key ${source.secret!.key}: add one to SECRET_SAMPLES`);
      env[source.name] = sample;
    } else {
      env[source.name] = source.value ?? '';
    }
  }
  return env;
}

/** Problems the app's own config loader reports for this environment (roles from args, as main.ts does). */
export function configProblems(env: Record<string, string>, args: string[] = []): string[] {
  const rolesAt = args.indexOf('--roles');
  const withRoles = rolesAt >= 0 ? { ...env, ROLES: args[rolesAt + 1] ?? '' } : env;
  try {
    loadConfig(withRoles);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

/** The roles a container runs: `--roles a,b` in its args, else ROLES. */
export function rolesOf(container: IContainer, env: Record<string, string>): string[] {
  const args = container.args ?? [];
  const at = args.indexOf('--roles');
  const value = at >= 0 ? args[at + 1] : env.ROLES;
  return (value ?? '').split(',').map((role) => role.trim()).filter(Boolean).sort();
}
