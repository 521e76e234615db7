// Acceptance 6: docs/deploy.md walks from an empty account to a release and back, with repository files only.
import { describe, expect, it } from 'vitest';
import { exists, readText } from './support/repo';

const doc = readText('docs/deploy.md');

describe('docs/deploy.md', () => {
  it('names only files and folders that exist', () => {
    const paths = [...doc.matchAll(/(?:^|[\s`(])((?:deploy|actions|\.github|test|docs)\/[\w./-]*[\w/])/g)]
      .map((m) => m[1]!)
      .filter((path) => !path.includes('*'));
    expect(paths.length).toBeGreaterThan(20);
    // deploy/monitoring/ arrives with the monitoring issue; until then only its absence is tolerated.
    const pending = (path: string) => path.startsWith('deploy/monitoring') && !exists('deploy/monitoring');
    expect([...new Set(paths)].filter((path) => !exists(path) && !pending(path))).toEqual([]);
  });

  it('covers every step from an empty account to a release and a rollback', () => {
    const headings = [...doc.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(
      expect.arrayContaining([
        '1. Terraform state',
        '2. Network, databases, cache, backups, secrets',
        '3. The cluster',
        '6. Controllers and namespaces',
        '8. The first release',
        '9. Back: rollback',
      ]),
    );
    for (const command of ['terraform -chdir=deploy/terraform/aws apply', 'eksctl create cluster -f -', 'kubectl apply -k deploy/k8s/platform', 'kubectl argo rollouts abort']) {
      expect(doc).toContain(command);
    }
  });

  it('names the GitHub secrets the workflows use', () => {
    const workflows = ['production.yml', 'rollback.yml'].map((f) => readText(`.github/workflows/${f}`)).join('\n');
    const secrets = new Set([...workflows.matchAll(/secrets\.(\w+)/g)].map((m) => m[1]!).filter((s) => s !== 'GITHUB_TOKEN'));
    expect(secrets.size).toBeGreaterThan(0);
    for (const secret of secrets) expect(doc, secret).toContain(`\`${secret}\``);
  });
});
