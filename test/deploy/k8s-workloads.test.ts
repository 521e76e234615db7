// Acceptance 5, cross-checks: selectors, the Rollout and its Services and analysis, probes, ports,
// resources, security context, scrape annotations, node placement, deploy phases.
import { describe, expect, it } from 'vitest';
import type { IAnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import type { IRollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IService } from 'kubernetes-models/v1/Service';
import { as, findObject, manifestSets, ofKind, selectorMatches, workloads, type K8sObject } from './support/k8s';
import { listFiles, readText, readYaml, toolAvailable } from './support/repo';

const sets = manifestSets(toolAvailable('kubectl'));
const PHASE = 'telegram-academy/deploy-phase';

function configValue(objects: K8sObject[], key: string): string {
  const value = ofKind(objects, 'ConfigMap')[0]?.data?.[key];
  if (value === undefined) throw new Error(`academy-config has no ${key}`);
  return value;
}

describe.each(sets)('$name', ({ objects }) => {
  const pods = workloads(objects);
  const podLabels = pods.map((w) => w.template.metadata?.labels ?? {});
  const PORT = Number(configValue(objects, 'PORT'));
  const METRICS_PORT = Number(configValue(objects, 'METRICS_PORT'));

  it('has the roles as workloads: api Rollout, bot and web Deployments, migration Job', () => {
    expect(pods.map((w) => `${w.object.kind}/${w.object.metadata.name}`).sort()).toEqual([
      'Deployment/bot-service',
      'Deployment/web-service',
      'Job/academy-migrate',
      'Rollout/api-service',
    ]);
  });

  it("every workload's selector matches its own pod template labels and no other workload's", () => {
    for (const { object, template } of pods) {
      if (object.kind === 'Job') continue; // Jobs generate their selector.
      const selector = (object.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels;
      expect(selectorMatches(selector, template.metadata?.labels), object.metadata.name).toBe(true);
      expect(podLabels.filter((labels) => selectorMatches(selector, labels))).toHaveLength(1);
    }
  });

  it('every Service selects the pods of exactly one workload (academy-no-backend: none, on purpose)', () => {
    for (const service of ofKind(objects, 'Service').map((o) => as<IService>(o))) {
      const matches = podLabels.filter((labels) => selectorMatches(service.spec?.selector, labels));
      expect(matches, service.metadata?.name).toHaveLength(service.metadata?.name === 'academy-no-backend' ? 0 : 1);
      for (const port of service.spec?.ports ?? []) expect(port.port, `${service.metadata?.name} publishes only PORT`).toBe(PORT);
    }
  });

  it('the Rollout points at an active and a preview Service of its own pods, and at existing analysis templates', () => {
    const rollout = as<IRollout>(findObject(objects, 'Rollout', 'api-service'));
    const blueGreen = rollout.spec.strategy?.blueGreen;
    expect(blueGreen?.activeService).toBe('api-service');
    expect(blueGreen?.previewService).toBe('api-service-preview');
    for (const name of [blueGreen!.activeService, blueGreen!.previewService!]) {
      const service = as<IService>(findObject(objects, 'Service', name));
      expect(selectorMatches(service.spec?.selector, rollout.spec.template?.metadata?.labels)).toBe(true);
    }
    expect(blueGreen?.previewReplicaCount).toBeGreaterThan(0);
    expect(blueGreen?.scaleDownDelaySeconds).toBeGreaterThanOrEqual(30);

    for (const analysis of [blueGreen?.prePromotionAnalysis, blueGreen?.postPromotionAnalysis]) {
      expect(analysis?.templates?.map((t) => t.templateName)).toEqual(['success-rate']);
      const template = as<IAnalysisTemplate>(findObject(objects, 'AnalysisTemplate', 'success-rate'));
      const declared = (template.spec.args ?? []).map((a) => a.name);
      const required = (template.spec.args ?? []).filter((a) => a.value === undefined).map((a) => a.name);
      const passed = (analysis?.args ?? []).map((a) => a.name);
      expect(passed.filter((name) => !declared.includes(name)), 'args the template does not declare').toEqual([]);
      expect(required.filter((name) => !passed.includes(name)), 'required args not passed').toEqual([]);
      const used = [...JSON.stringify(template.spec.metrics).matchAll(/\{\{\s*args\.([\w-]+)\s*\}\}/g)].map((m) => m[1]);
      expect(used.filter((name) => !declared.includes(name!)), 'args used in queries but not declared').toEqual([]);
      expect(used.length).toBeGreaterThan(0);
    }
  });

  it('HPA scales the Rollout and the PodDisruptionBudget covers the api pods', () => {
    const hpa = as<IHorizontalPodAutoscaler>(findObject(objects, 'HorizontalPodAutoscaler', 'api-service'));
    expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout', name: 'api-service' });
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    const rollout = as<IRollout>(findObject(objects, 'Rollout', 'api-service'));
    expect(rollout.spec.replicas, 'replicas belong to the HPA').toBeUndefined();
    const pdb = as<IPodDisruptionBudget>(findObject(objects, 'PodDisruptionBudget', 'api-service'));
    expect(selectorMatches(pdb.spec?.selector?.matchLabels, rollout.spec.template?.metadata?.labels)).toBe(true);
  });

  it('long-running containers have the playbook probes on the port that is PORT, the app serves those paths', () => {
    const source = listFiles('apps/api/src', (p) => p.endsWith('.ts') && !p.endsWith('.test.ts')).map(readText).join('\n');
    expect(source).toMatch(/\.get\(\s*'\/health'/);
    expect(source).toMatch(/\.get\(\s*'\/ready'/);
    for (const { object, containers } of pods.filter((w) => w.object.kind !== 'Job')) {
      for (const c of containers) {
        const portOf = (port: number | string | undefined) => (typeof port === 'number' ? port : c.ports?.find((p) => p.name === port)?.containerPort);
        expect(c.livenessProbe?.httpGet?.path, object.metadata.name).toBe('/health');
        expect(c.readinessProbe?.httpGet?.path, object.metadata.name).toBe('/ready');
        expect(portOf(c.livenessProbe?.httpGet?.port)).toBe(PORT);
        expect(portOf(c.readinessProbe?.httpGet?.port)).toBe(PORT);
      }
    }
  });

  it('every container has requests and limits, runs non-root with a read-only root and no capabilities', () => {
    for (const { object, template, containers } of pods) {
      const pod = template.spec!;
      expect(pod.securityContext?.runAsNonRoot, object.metadata.name).toBe(true);
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const c of containers) {
        for (const kind of ['requests', 'limits'] as const) {
          expect(Object.keys(c.resources?.[kind] ?? {}).sort(), `${object.metadata.name} ${kind}`).toEqual(['cpu', 'memory']);
        }
        expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
        const tmp = c.volumeMounts?.find((m) => m.mountPath === '/tmp');
        expect(pod.volumes?.find((v) => v.name === tmp?.name)?.emptyDir, 'a writable /tmp').toBeDefined();
      }
    }
  });

  it('Prometheus scrape annotations point at METRICS_PORT, which no Service publishes', () => {
    for (const { object, template, containers } of pods.filter((w) => w.object.kind !== 'Job')) {
      expect(template.metadata?.annotations, object.metadata.name).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(METRICS_PORT),
        'prometheus.io/path': '/metrics',
      });
      expect(containers[0]?.ports?.find((p) => p.name === 'metrics')?.containerPort).toBe(METRICS_PORT);
    }
    expect(METRICS_PORT).not.toBe(PORT);
  });

  it('pods land on the eksctl node groups their nodeSelector names and tolerate those groups\' taints', () => {
    interface NodeGroup { name: string; labels?: Record<string, string>; taints?: Array<{ key: string; value: string; effect: string }> }
    const groups = readYaml<{ managedNodeGroups: NodeGroup[] }>('deploy/eksctl/cluster.yaml').managedNodeGroups;
    for (const { object, template } of pods) {
      const group = groups.find((g) => selectorMatches(template.spec?.nodeSelector, g.labels));
      expect(group, `${object.metadata.name} has a node group`).toBeDefined();
      for (const taint of group!.taints ?? []) {
        const tolerated = (template.spec?.tolerations ?? []).some((t) => t.key === taint.key && t.value === taint.value && t.effect === taint.effect);
        expect(tolerated, `${object.metadata.name} tolerates ${taint.key}=${taint.value}`).toBe(true);
      }
    }
  });

  it('deploy phases label the workloads, and only them, in the order the release applies them', () => {
    const phases = Object.fromEntries(pods.map((w) => [w.object.metadata.name, w.object.metadata.labels?.[PHASE]]));
    expect(phases).toEqual({ 'academy-migrate': 'migrate', 'api-service': 'api', 'bot-service': 'apps', 'web-service': 'apps' });
    const others = objects.filter((o) => !['Rollout', 'Deployment', 'Job'].includes(o.kind) && o.metadata.labels?.[PHASE]);
    // The namespace is an operator's (phase "cluster"): the CI role may not create namespaces.
    expect(others.map((o) => `${o.kind}:${o.metadata.labels?.[PHASE]}`)).toEqual(objects.some((o) => o.kind === 'Namespace') ? ['Namespace:cluster'] : []);
  });
});
