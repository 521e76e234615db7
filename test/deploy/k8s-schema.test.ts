// Acceptance 5: every Kubernetes object validates against its schema, and the overlays render.
import { describe, expect, it } from 'vitest';
import { type IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { as, BASE_DIR, findObject, loadBase, ofKind, OVERLAYS, renderKustomize, type K8sObject } from './support/k8s';
import { listFiles, readYamlDocs, toolAvailable } from './support/repo';
import { blueGreenStrategy, validateObject } from './support/schemas';

const hasKubectl = toolAvailable('kubectl');

describe('schemas', () => {
  const files = listFiles('deploy/k8s', (path) => /\.ya?ml$/.test(path) && !/kustomization\.yaml$|kustomizeconfig\//.test(path));

  it('finds the manifests', () => {
    expect(files).toEqual(expect.arrayContaining([`${BASE_DIR}/api-rollout.yaml`, `${BASE_DIR}/network-policies.yaml`, 'deploy/k8s/platform/velero.yaml']));
  });

  it.each(files)('%s: every object validates', (file) => {
    const problems = (readYamlDocs(file) as K8sObject[]).flatMap(validateObject);
    expect(problems).toEqual([]);
  });

  it('the generated ConfigMap validates too', () => {
    expect(ofKind(loadBase(), 'ConfigMap').flatMap(validateObject)).toEqual([]);
  });

  it('rejects what is wrong (the validators are not no-ops)', () => {
    const deployment = structuredClone(findObject(loadBase(), 'Deployment', 'web-service'));
    (deployment.spec as { replicas: unknown }).replicas = 'two';
    expect(validateObject(deployment).join()).toMatch(/replicas/);

    const rollout = structuredClone(findObject(loadBase(), 'Rollout', 'api-service'));
    (rollout.spec as { selector: unknown }).selector = 'app=api-service';
    expect(validateObject(rollout).join()).toMatch(/selector/);

    const store = structuredClone(findObject(loadBase(), 'SecretStore', 'aws-secrets-manager'));
    (store.spec as { provider: { aws: { auth: unknown } } }).provider.aws.auth = {
      secretRef: { accessKeyID: { name: 'aws-credentials', key: 'access-key-id' } },
    };
    expect(validateObject(store).length).toBeGreaterThan(0);

    expect(validateObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([
      'Widget/w: no schema for example.com/v1/Widget; add one to test/deploy/support/schemas.ts',
    ]);
  });

  it("the Rollout's blue-green strategy uses only Argo Rollouts' fields", () => {
    const rollout = as<IRollout>(findObject(loadBase(), 'Rollout', 'api-service'));
    expect(blueGreenStrategy.safeParse(rollout.spec.strategy?.blueGreen).error?.issues ?? []).toEqual([]);
    const withPlaybookTypo = { ...rollout.spec.strategy?.blueGreen, promotionPolicy: { timeoutSeconds: 300 } };
    expect(blueGreenStrategy.safeParse(withPlaybookTypo).success).toBe(false);
  });
});

describe.skipIf(!hasKubectl)('kustomize renders', () => {
  const rendered = Object.fromEntries(OVERLAYS.map((overlay) => [overlay, renderKustomize(`deploy/k8s/overlays/${overlay}`)]));

  it.each(OVERLAYS)('%s: every rendered object validates and sits in its namespace', (overlay) => {
    const objects = rendered[overlay]!;
    expect(objects.flatMap(validateObject)).toEqual([]);
    const namespaced = objects.filter((o) => o.kind !== 'Namespace');
    expect(namespaced.filter((o) => o.metadata.namespace !== overlay).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
    expect(findObject(objects, 'Namespace', overlay).metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it.each(OVERLAYS)('%s: secrets are read from telegram-academy/<namespace>/…', (overlay) => {
    const keys = (findObject(rendered[overlay]!, 'ExternalSecret', 'academy-secrets').spec as { data: Array<{ remoteRef: { key: string } }> }).data.map(
      (d) => d.remoteRef.key,
    );
    expect(new Set(keys)).toEqual(new Set([`telegram-academy/${overlay}/runtime`, `telegram-academy/${overlay}/telegram`]));
    const role = findObject(rendered[overlay]!, 'ServiceAccount', 'academy-secrets').metadata.annotations?.['eks.amazonaws.com/role-arn'];
    expect(role).toMatch(new RegExp(`:role/telegram-academy-${overlay}-external-secrets$`));
  });

  it('production waits for a promotion; staging promotes itself after the analysis', () => {
    const strategy = (overlay: string) => as<IRollout>(findObject(rendered[overlay]!, 'Rollout', 'api-service')).spec.strategy?.blueGreen;
    expect(strategy('production')?.autoPromotionEnabled).toBe(false);
    expect(strategy('staging')?.autoPromotionEnabled).toBe(true);
    for (const overlay of OVERLAYS) expect(strategy(overlay)?.prePromotionAnalysis?.templates?.length).toBeGreaterThan(0);
  });

  it('the generated ConfigMap reaches the Rollout (kustomizeconfig/rollout.yaml) as well as the Deployments', () => {
    const objects = rendered.production!;
    const configMap = ofKind(objects, 'ConfigMap')[0]!.metadata.name;
    expect(configMap).toMatch(/^academy-config-[a-z0-9]{10}$/);
    const referenced = objects
      .filter((o) => ['Rollout', 'Deployment', 'Job'].includes(o.kind))
      .flatMap((o) => (o.spec as { template: { spec: { containers: Array<{ envFrom?: Array<{ configMapRef?: { name: string } }> }> } } }).template.spec.containers)
      .flatMap((c) => (c.envFrom ?? []).map((e) => e.configMapRef?.name));
    expect(referenced.length).toBe(4);
    expect(new Set(referenced)).toEqual(new Set([configMap]));
  });

  it('the platform kustomization (certificate issuer, Velero) renders and validates', () => {
    const objects = renderKustomize('deploy/k8s/platform');
    expect(objects.map((o) => o.kind).sort()).toEqual(['BackupStorageLocation', 'ClusterIssuer', 'Schedule', 'VolumeSnapshotLocation']);
    const issuer = (findObject(renderKustomize('deploy/k8s/overlays/production'), 'Ingress', 'academy-public').metadata.annotations ?? {})['cert-manager.io/cluster-issuer'];
    expect(findObject(objects, 'ClusterIssuer', issuer ?? '').kind).toBe('ClusterIssuer');
    expect(objects.flatMap(validateObject)).toEqual([]);
  });
});
