// Acceptance 3 and 5: Terraform parses as HCL and builds what the issue asks (quoted tag keys, RDS
// PostgreSQL 15 Multi-AZ with PITR, ElastiCache, an encrypted versioned bucket expired by lifecycle,
// IRSA roles); eksctl uses a supported version; and both agree with the Kubernetes manifests.
import { parse } from '@cdktf/hcl2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { findObject, loadBase, OVERLAYS } from './support/k8s';
import { readText, readYaml, readYamlDocs } from './support/repo';
import { at, blocks, parseTerraform, tagKeys, variableDefault, type Hcl } from './support/terraform';

let tf: Record<string, Hcl>;
beforeAll(async () => {
  tf = await parseTerraform();
});
const resource = (type: string, name: string): Hcl => {
  const found = blocks(tf, 'resource', type)[name];
  if (!found) throw new Error(`no resource ${type}.${name}`);
  return found;
};
const base = loadBase();

describe('Terraform (deploy/terraform/aws)', () => {
  it('every file parses as HCL, and the parser rejects broken HCL', async () => {
    expect(Object.keys(tf).length).toBeGreaterThanOrEqual(8);
    await expect(parse('broken.tf', 'resource "aws_vpc" "main" {\n  cidr_block = \n}\n')).rejects.toThrow(/Invalid expression/);
  });

  it("tag keys are quoted strings, never expressions (the playbook's kubernetes.io/role/elb = …)", async () => {
    const keys = Object.entries(tf).flatMap(([file, hcl]) => tagKeys(hcl, file));
    expect(keys.filter((k) => /^\$\{[^}]*\}$/.test(k.key))).toEqual([]);
    const playbook = await parse('playbook.tf', 'resource "aws_subnet" "public" {\n  tags = {\n    kubernetes.io/role/elb = "1"\n  }\n}\n');
    expect(tagKeys(playbook).map((k) => k.key)).toEqual(['${kubernetes.io/role/elb}']);
    expect(at(resource('aws_subnet', 'public'), 'tags', 'kubernetes.io/role/elb')).toBe('1');
    expect(at(resource('aws_subnet', 'private'), 'tags', 'kubernetes.io/role/internal-elb')).toBe('1');
    expect(variableDefault(tf, 'cluster_name')).toBe(readYaml<{ metadata: { name: string } }>('deploy/eksctl/cluster.yaml').metadata.name);
  });

  it('RDS: PostgreSQL 15, Multi-AZ, point-in-time recovery, encrypted, TLS only, private', () => {
    const db = resource('aws_db_instance', 'main');
    expect(db.engine).toBe('postgres');
    expect(String(db.engine_version)).toMatch(/^15(\.|$)/);
    expect(db.multi_az).toBe(true);
    expect(db.storage_encrypted).toBe(true);
    expect(db.publicly_accessible).toBe(false);
    expect(db.deletion_protection).toBe(true);
    expect(db.backup_retention_period).toBe('${var.db_backup_retention_days}');
    expect(Number(variableDefault(tf, 'db_backup_retention_days'))).toBeGreaterThanOrEqual(7);
    const params = resource('aws_db_parameter_group', 'postgres15');
    expect(params.family).toBe('postgres15');
    expect(params.parameter).toEqual(expect.arrayContaining([{ name: 'rds.force_ssl', value: '1' }]));
  });

  it('ElastiCache: Redis 7 with failover across zones, encrypted at rest and in transit', () => {
    const redis = resource('aws_elasticache_replication_group', 'main');
    expect(redis.engine).toBe('redis');
    expect(String(redis.engine_version)).toMatch(/^7\./);
    expect([redis.automatic_failover_enabled, redis.multi_az_enabled, redis.at_rest_encryption_enabled, redis.transit_encryption_enabled]).toEqual([true, true, true, true]);
  });

  it('S3 backups: KMS encryption, versioning, no public access, TLS only, lifecycle expiry instead of a date', () => {
    expect(at(resource('aws_s3_bucket_versioning', 'backups'), 'versioning_configuration', 0, 'status')).toBe('Enabled');
    expect(at(resource('aws_s3_bucket_server_side_encryption_configuration', 'backups'), 'rule', 0, 'apply_server_side_encryption_by_default', 0, 'sse_algorithm')).toBe('aws:kms');
    const block = resource('aws_s3_bucket_public_access_block', 'backups');
    expect([block.block_public_acls, block.block_public_policy, block.ignore_public_acls, block.restrict_public_buckets]).toEqual([true, true, true, true]);
    const rules = at(resource('aws_s3_bucket_lifecycle_configuration', 'backups'), 'rule') as Hcl[];
    const database = rules.find((r) => at(r, 'filter', 0, 'prefix') === 'database/')!;
    expect(at(database, 'expiration', 0, 'days')).toBe('${var.backup_expiry_days}');
    expect(Number(variableDefault(tf, 'backup_expiry_days'))).toBe(90);
    expect(at(database, 'noncurrent_version_expiration', 0, 'noncurrent_days')).toBeGreaterThan(0);
    expect(JSON.stringify(rules)).not.toMatch(/"date"/);
    const policy = blocks(tf, 'data', 'aws_iam_policy_document').backups_bucket!;
    expect(at(policy, 'statement', 0, 'condition', 0)).toMatchObject({ variable: 'aws:SecureTransport', values: ['false'] });
  });

  it('one set of databases, caches, secrets and roles per Kubernetes namespace', () => {
    expect(Object.keys(variableDefault(tf, 'environments') as Hcl).sort()).toEqual([...OVERLAYS].sort());
    expect(variableDefault(tf, 'project')).toBe('telegram-academy');
  });

  it('IRSA roles trust exactly the service accounts the manifests annotate', () => {
    const role = (name: string) => resource('aws_iam_role', name).name;
    expect(role('external_secrets')).toBe('${var.project}-${each.key}-external-secrets');
    expect(role('backups')).toBe('${var.project}-${each.key}-backups');
    const trust = blocks(tf, 'data', 'aws_iam_policy_document').trust!;
    expect(at(trust, 'statement', 0, 'condition', 0, 'values')).toEqual(['system:serviceaccount:${each.key}']);
    expect(JSON.stringify(trust.for_each)).toMatch(/academy-secrets.*academy-ops.*velero:velero-server/);
    for (const [account, suffix] of [['academy-secrets', 'external-secrets'], ['academy-ops', 'backups']]) {
      const arn = findObject(base, 'ServiceAccount', account!).metadata.annotations?.['eks.amazonaws.com/role-arn'];
      expect(arn).toMatch(new RegExp(`:role/telegram-academy-production-${suffix}$`));
    }
    expect(JSON.stringify(resource('aws_iam_role_policy', 'external_secrets').policy)).toContain('secret:${var.project}/${each.key}/*');
  });

  it('Terraform writes every property the ExternalSecret reads from …/runtime; the rest is …/telegram', () => {
    expect(resource('aws_secretsmanager_secret', 'runtime').name).toBe('${var.project}/${each.key}/runtime');
    expect(resource('aws_secretsmanager_secret', 'telegram').name).toBe('${var.project}/${each.key}/telegram');
    const written = [...String(resource('aws_secretsmanager_secret_version', 'runtime').secret_string).matchAll(/"([\w-]+)"\s*=/g)].map((m) => m[1]);
    const data = (findObject(base, 'ExternalSecret', 'academy-secrets').spec as { data: Array<{ remoteRef: { key: string; property: string } }> }).data;
    const read = (suffix: string) => data.filter((d) => d.remoteRef.key.endsWith(suffix)).map((d) => d.remoteRef.property);
    expect(read('/runtime').sort()).toEqual(written.sort());
    expect(read('/telegram')).toEqual(['bot-token']);
    expect(data.every((d) => /\/(runtime|telegram)$/.test(d.remoteRef.key))).toBe(true);
  });

  it('Velero writes to the backup bucket; the region is the same everywhere', () => {
    const [location] = readYamlDocs('deploy/k8s/platform/velero.yaml') as Array<{ spec: { objectStorage: { bucket: string }; config: { region: string } } }>;
    expect(location!.spec.objectStorage.bucket).toBe(variableDefault(tf, 'backup_bucket_name'));
    const region = variableDefault(tf, 'region');
    expect(location!.spec.config.region).toBe(region);
    expect(readYaml<{ metadata: { region: string } }>('deploy/eksctl/cluster.yaml').metadata.region).toBe(region);
    expect((findObject(base, 'SecretStore', 'aws-secrets-manager').spec as { provider: { aws: { region: string } } }).provider.aws.region).toBe(region);
  });
});

describe('eksctl (deploy/eksctl/cluster.yaml)', () => {
  interface ClusterConfig {
    metadata: { version: string };
    iam: { withOIDC: boolean };
    managedNodeGroups: Array<{ name: string; instanceType: string; minSize: number; maxSize: number; taints?: unknown[] }>;
    addons: Array<{ name: string; configurationValues?: string }>;
  }
  const cluster = readYaml<ClusterConfig>('deploy/eksctl/cluster.yaml');

  it('runs a supported Kubernetes version (1.31 or later), with OIDC for IRSA', () => {
    const [major, minor] = cluster.metadata.version.split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(31);
    expect(cluster.iam.withOIDC).toBe(true);
  });

  it("has the playbook's node groups, an untainted one for the system pods, and its add-ons", () => {
    const groups = Object.fromEntries(cluster.managedNodeGroups.map((g) => [g.name, g]));
    expect(groups['api-services']).toMatchObject({ instanceType: 'c6i.2xlarge', minSize: 3, maxSize: 50 });
    expect(groups['background-jobs']).toMatchObject({ instanceType: 'r6i.xlarge', minSize: 2, maxSize: 20 });
    expect(cluster.managedNodeGroups.some((g) => !g.taints || g.taints.length === 0)).toBe(true);
    expect(cluster.addons.map((a) => a.name)).toEqual(['vpc-cni', 'coredns', 'kube-proxy', 'aws-ebs-csi-driver']);
    const cni = cluster.addons.find((a) => a.name === 'vpc-cni')!;
    expect(JSON.parse(cni.configurationValues ?? '{}')).toEqual({ enableNetworkPolicy: 'true' });
  });

  it('every ${VAR} it needs is exported by the Terraform output eksctl_env', () => {
    const needed = [...readText('deploy/eksctl/cluster.yaml').matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]!);
    const output = JSON.stringify(blocks(tf, 'output').eksctl_env);
    const exported = ['AWS_ACCOUNT_ID', 'VPC_ID', ...[1, 2, 3].flatMap((i) => [`PRIVATE_SUBNET_${i}`, `PUBLIC_SUBNET_${i}`])];
    expect(output).toMatch(/export AWS_ACCOUNT_ID=.*export VPC_ID=.*export PRIVATE_SUBNET_\$\{i \+ 1\}=.*export PUBLIC_SUBNET_\$\{i \+ 1\}=/);
    expect(resource('aws_subnet', 'private').count).toBe(3);
    expect(new Set(needed)).toEqual(new Set(exported));
  });
});
