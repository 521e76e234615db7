// The Kubernetes objects under deploy/k8s: the base read file by file, and the overlays rendered by kustomize.
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import { parseYamlDocs, readYaml, readYamlDocs, run } from './repo';

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: unknown;
  data?: Record<string, string>;
}

export const BASE_DIR = 'deploy/k8s/base';
export const OVERLAYS = ['staging', 'production'] as const;
export type Overlay = (typeof OVERLAYS)[number];

interface Kustomization {
  resources?: string[];
  configMapGenerator?: Array<{ name: string; literals?: string[] }>;
}

/** The base as written (no kustomize): its resources plus the ConfigMaps its generator would make. */
export function loadBase(): K8sObject[] {
  const kustomization = readYaml<Kustomization>(`${BASE_DIR}/kustomization.yaml`);
  const objects = (kustomization.resources ?? []).flatMap((file) => readYamlDocs(`${BASE_DIR}/${file}`) as K8sObject[]);
  for (const generator of kustomization.configMapGenerator ?? []) {
    const data = Object.fromEntries((generator.literals ?? []).map((literal) => {
      const at = literal.indexOf('=');
      return [literal.slice(0, at), literal.slice(at + 1)];
    }));
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: generator.name }, data });
  }
  return objects;
}

/** `kubectl kustomize DIR` parsed; throws with kustomize's message when it fails. */
export function renderKustomize(dir: string): K8sObject[] {
  const result = run('kubectl', ['kustomize', dir]);
  if (result.status !== 0) throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr}`);
  return readDocs(result.stdout, dir);
}

export const readDocs = (text: string, source: string): K8sObject[] => parseYamlDocs(text, source) as K8sObject[];

/** The object as its kind's model interface (the schema tests have validated it against that model). */
export const as = <T>(object: K8sObject): T => object as unknown as T;

export function findObject(objects: K8sObject[], kind: string, name: string): K8sObject {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} among ${objects.map((o) => `${o.kind}/${o.metadata.name}`).join(', ')}`);
  return found;
}

export const ofKind = (objects: K8sObject[], kind: string): K8sObject[] => objects.filter((o) => o.kind === kind);

/** Kubernetes object names ignore kustomize's hash suffix (academy-config-5gf8mhk8kh → academy-config). */
export const baseName = (name: string): string => name.replace(/-[a-z0-9]{10}$/, '');

export interface Workload {
  object: K8sObject;
  template: IPodTemplateSpec;
  containers: IContainer[];
}

/** Rollouts, Deployments and Jobs with their pod templates. */
export function workloads(objects: K8sObject[]): Workload[] {
  return objects
    .filter((o) => ['Rollout', 'Deployment', 'Job'].includes(o.kind))
    .map((object) => {
      const template = (object.spec as { template: IPodTemplateSpec }).template;
      return { object, template, containers: template.spec?.containers ?? [] };
    });
}

export function selectorMatches(selector: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([key, value]) => labels?.[key] === value);
}

/** The base as written, plus each overlay as rendered when kubectl is there: the checks run on all. */
export function manifestSets(withOverlays: boolean): Array<{ name: string; objects: K8sObject[] }> {
  const sets = [{ name: 'base', objects: loadBase() }];
  if (withOverlays) for (const overlay of OVERLAYS) sets.push({ name: overlay, objects: renderKustomize(`deploy/k8s/overlays/${overlay}`) });
  return sets;
}
