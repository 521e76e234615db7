// Schema validation of every object: built-in kinds and Argo Rollouts by their published OpenAPI models
// (kubernetes-models, @kubernetes-models/argo-rollouts), the other custom resources by a strict zod
// schema of the fields this repository uses (an unknown or misspelt field fails).
import { AnalysisTemplate } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate';
import { Rollout } from '@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { Service } from 'kubernetes-models/v1/Service';
import { ServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import { z } from 'zod';
import type { K8sObject } from './k8s';

interface Validatable {
  validate(): void;
}
type ModelClass = new (data: never) => Validatable;

const models: Record<string, ModelClass> = {
  'v1/Namespace': Namespace,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'argoproj.io/v1alpha1/Rollout': Rollout,
  'argoproj.io/v1alpha1/AnalysisTemplate': AnalysisTemplate,
};

const dnsName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63);
const metadata = z
  .object({
    name: dnsName,
    namespace: dnsName.optional(),
    labels: z.record(z.string(), z.string()).optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  })
  .strict();
const duration = z.string().regex(/^(\d+h)?(\d+m)?(\d+s)?$/).refine((value) => value !== '', 'empty duration');

const secretStore = z
  .object({
    apiVersion: z.literal('external-secrets.io/v1'),
    kind: z.literal('SecretStore'),
    metadata,
    spec: z
      .object({
        provider: z
          .object({
            aws: z
              .object({
                service: z.enum(['SecretsManager', 'ParameterStore']),
                region: z.string().regex(/^[a-z]{2}-[a-z]+-\d$/),
                // IRSA only: a service account's role. Static keys (auth.secretRef) are not accepted.
                auth: z.object({ jwt: z.object({ serviceAccountRef: z.object({ name: dnsName }).strict() }).strict() }).strict(),
              })
              .strict(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const externalSecret = z
  .object({
    apiVersion: z.literal('external-secrets.io/v1'),
    kind: z.literal('ExternalSecret'),
    metadata,
    spec: z
      .object({
        refreshInterval: duration,
        secretStoreRef: z.object({ name: dnsName, kind: z.enum(['SecretStore', 'ClusterSecretStore']) }).strict(),
        target: z.object({ name: dnsName, creationPolicy: z.enum(['Owner', 'Orphan', 'Merge', 'None']) }).strict(),
        data: z
          .array(
            z
              .object({
                secretKey: z.string().regex(/^[-._a-zA-Z0-9]+$/),
                remoteRef: z.object({ key: z.string().min(1), property: z.string().min(1).optional() }).strict(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
  })
  .strict();

const veleroSchedule = z
  .object({
    apiVersion: z.literal('velero.io/v1'),
    kind: z.literal('Schedule'),
    metadata,
    spec: z
      .object({
        schedule: z.string().regex(/^(\S+\s+){4}\S+$/, 'a five-field cron expression'),
        template: z
          .object({
            includedNamespaces: z.array(dnsName).min(1),
            excludedResources: z.array(z.string()).optional(),
            ttl: duration,
            storageLocation: dnsName,
            volumeSnapshotLocations: z.array(dnsName).optional(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const veleroLocation = (kind: 'BackupStorageLocation' | 'VolumeSnapshotLocation') =>
  z
    .object({
      apiVersion: z.literal('velero.io/v1'),
      kind: z.literal(kind),
      metadata,
      spec: z
        .object({
          provider: z.literal('aws'),
          objectStorage:
            kind === 'BackupStorageLocation'
              ? z.object({ bucket: z.string().regex(/^[a-z0-9.-]{3,63}$/), prefix: z.string().optional() }).strict()
              : z.never().optional(),
          config: z.record(z.string(), z.string()).optional(),
        })
        .strict(),
    })
    .strict();

const clusterIssuer = z
  .object({
    apiVersion: z.literal('cert-manager.io/v1'),
    kind: z.literal('ClusterIssuer'),
    metadata,
    spec: z
      .object({
        acme: z
          .object({
            server: z.string().url(),
            email: z.string().email(),
            privateKeySecretRef: z.object({ name: dnsName }).strict(),
            solvers: z.array(z.object({ http01: z.object({ ingress: z.object({ ingressClassName: dnsName }).strict() }).strict() }).strict()).min(1),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();

const customResources: Record<string, z.ZodType> = {
  'cert-manager.io/v1/ClusterIssuer': clusterIssuer,
  'external-secrets.io/v1/SecretStore': secretStore,
  'external-secrets.io/v1/ExternalSecret': externalSecret,
  'velero.io/v1/Schedule': veleroSchedule,
  'velero.io/v1/BackupStorageLocation': veleroLocation('BackupStorageLocation'),
  'velero.io/v1/VolumeSnapshotLocation': veleroLocation('VolumeSnapshotLocation'),
};

/** Problems with one object, empty when it is valid; an unknown kind is a problem too. */
export function validateObject(object: K8sObject): string[] {
  const key = `${object.apiVersion}/${object.kind}`;
  const where = `${object.kind}/${object.metadata?.name ?? '?'}`;
  const Model = models[key];
  if (Model) {
    try {
      new Model(object as never).validate();
      return [];
    } catch (error) {
      return [`${where}: ${(error as Error).message}`];
    }
  }
  const schema = customResources[key];
  if (!schema) return [`${where}: no schema for ${key}; add one to test/deploy/support/schemas.ts`];
  const result = schema.safeParse(object);
  return result.success ? [] : result.error.issues.map((issue) => `${where}: ${issue.path.join('.')}: ${issue.message}`);
}

/**
 * The blue-green strategy's field names, checked strictly: the models accept unknown fields, and the
 * playbook's `promotionPolicy` is one Argo Rollouts does not have.
 */
export const blueGreenStrategy = z
  .object({
    activeService: dnsName,
    previewService: dnsName,
    autoPromotionEnabled: z.boolean(),
    previewReplicaCount: z.number().int().min(1),
    scaleDownDelaySeconds: z.number().int().min(0),
    prePromotionAnalysis: z.object({ templates: z.array(z.object({ templateName: dnsName }).strict()), args: z.array(z.unknown()) }).strict(),
    postPromotionAnalysis: z.object({ templates: z.array(z.object({ templateName: dnsName }).strict()), args: z.array(z.unknown()) }).strict(),
  })
  .strict();
