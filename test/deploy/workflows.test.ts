// Acceptance 5: workflows pass action-validator, every npm script, local action and script they call
// exists, their run blocks and every shell script pass shellcheck, the YAML passes yamllint, and the
// gitleaks configuration finds what it is meant to find.
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { exists, listFiles, readText, repoPath, run, toolAvailable } from './support/repo';
import { ACTIONS, allSteps, npmScriptsCalled, runAsBash, scriptsCalled, WORKFLOWS } from './support/workflows';

const steps = allSteps();
const scripts = Object.keys((JSON.parse(readText('package.json')) as { scripts: Record<string, string> }).scripts);
const tmp = mkdtempSync(join(tmpdir(), 'workflows-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('GitHub Actions', () => {
  it('has the playbook workflows and its local action', () => {
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['.github/workflows/production.yml', '.github/workflows/security.yml']));
    expect(ACTIONS).toEqual(['actions/blue-green-deploy/action.yml']);
  });

  it.each([...WORKFLOWS, ...ACTIONS])('%s passes action-validator', (file) => {
    const result = run(repoPath('node_modules/.bin/action-validator'), [file]);
    expect(result.status, result.output).toBe(0);
  });

  it('action-validator rejects a broken workflow (the check can fail)', () => {
    const broken = join(tmp, 'broken.yml');
    writeFileSync(broken, 'on: push\njobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n');
    expect(run(repoPath('node_modules/.bin/action-validator'), [broken]).status).not.toBe(0);
  });

  it('every npm script a step calls exists in package.json', () => {
    const called = steps.flatMap((s) => npmScriptsCalled(s.step.run ?? '').map((name) => ({ name, where: `${s.file} ${s.where}` })));
    expect(called.length).toBeGreaterThan(0);
    expect(called.filter((c) => !scripts.includes(c.name))).toEqual([]);
    expect(npmScriptsCalled('npm run test:e2e && npm test')).toEqual(['test:e2e', 'test']);
  });

  it('every local action and script a step uses exists (scripts executable)', () => {
    for (const source of steps) {
      if (source.step.uses?.startsWith('./')) expect(exists(`${source.step.uses.slice(2)}/action.yml`), source.where).toBe(true);
      for (const script of scriptsCalled(source)) {
        expect(exists(script), `${source.file} ${source.where}: ${script}`).toBe(true);
        expect(() => accessSync(repoPath(script), constants.X_OK), `${script} is executable`).not.toThrow();
      }
    }
    expect(steps.filter((s) => s.step.uses === './actions/blue-green-deploy').length).toBeGreaterThanOrEqual(2);
  });

  it('every repository file a step names (Dockerfile, overlay, config, script) exists', () => {
    const named = steps.flatMap((s) => {
      const text = [s.step.run ?? '', ...Object.values(s.step.with ?? {}).map(String)].join('\n');
      return [...text.matchAll(/(?:^|[\s"'=])((?:deploy|actions|\.github)\/[\w./-]*\w|\.gitleaks\.toml)/g)].map((m) => ({ path: m[1]!, where: `${s.file} ${s.where}` }));
    });
    expect(named.map((n) => n.path)).toEqual(expect.arrayContaining(['deploy/docker/Dockerfile', '.gitleaks.toml', '.github/scripts/smoke-test.sh']));
    expect(named.filter((n) => !exists(n.path))).toEqual([]);
  });

  it('third-party actions are pinned to a release, never to a branch', () => {
    const remote = steps.map((s) => s.step.uses).filter((u): u is string => !!u && !u.startsWith('./'));
    expect(remote.filter((u) => !/@(v?\d+(\.\d+)*|[0-9a-f]{40})$/.test(u))).toEqual([]);
  });

  it('no SARIF file is uploaded that no earlier step of its job wrote', () => {
    const uploads = steps.filter((s) => s.step.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const upload of uploads) {
      const file = String(upload.step.with?.sarif_file);
      const job = upload.where.split('[')[0];
      const writers = steps.filter((s) => s.file === upload.file && s.where.startsWith(`${job}[`) && JSON.stringify(s.step.with ?? {}).includes(file) && s !== upload);
      expect(writers.length, `${upload.where}: ${file}`).toBeGreaterThan(0);
    }
  });
});

describe.skipIf(!toolAvailable('shellcheck'))('shellcheck', () => {
  const files = [...listFiles('.github', (p) => p.endsWith('.sh')), ...listFiles('actions', (p) => p.endsWith('.sh')), ...listFiles('deploy', (p) => p.endsWith('.sh'))];

  it('finds the scripts', () => {
    expect(files).toEqual(expect.arrayContaining(['actions/blue-green-deploy/deploy.sh', '.github/scripts/report-deployment.sh']));
  });

  it('passes every shell script', () => {
    const result = run('shellcheck', ['-x', ...files]);
    expect(result.status, result.output).toBe(0);
  });

  it('passes every run block of the workflows and actions', () => {
    const blocks = steps.filter((s) => s.step.run);
    blocks.forEach((s, i) => writeFileSync(join(tmp, `run-${i}.sh`), runAsBash(s.step.run!)));
    const result = run('shellcheck', ['-s', 'bash', ...blocks.map((_, i) => join(tmp, `run-${i}.sh`))]);
    expect(result.status, result.output).toBe(0);
  });

  it('flags a broken script (the check can fail)', () => {
    writeFileSync(join(tmp, 'bad.sh'), '#!/usr/bin/env bash\nrm -rf $1/*\n');
    expect(run('shellcheck', [join(tmp, 'bad.sh')]).status).not.toBe(0);
  });
});

describe.skipIf(!toolAvailable('yamllint'))('yamllint', () => {
  it('passes the YAML of deploy/, .github/ and actions/', () => {
    const result = run('yamllint', ['-s', '-c', '.yamllint.yaml', 'deploy/k8s', 'deploy/docker', 'deploy/eksctl', '.github', 'actions', '.yamllint.yaml']);
    expect(result.status, result.output).toBe(0);
  });

  it('flags a duplicate key (the check can fail)', () => {
    writeFileSync(join(tmp, 'dup.yaml'), 'a: 1\na: 2\n');
    expect(run('yamllint', ['-c', '.yamllint.yaml', join(tmp, 'dup.yaml')]).status).not.toBe(0);
  });
});

describe('.gitleaks.toml', () => {
  interface Rule { id: string; regex: string; secretGroup?: number }
  const config = parseToml(readText('.gitleaks.toml')) as unknown as { extend?: { useDefault?: boolean }; rules: Rule[]; allowlist: { regexes: string[]; stopwords: string[] } };
  const allowed = (text: string) => config.allowlist.regexes.some((r) => new RegExp(r).test(text)) || config.allowlist.stopwords.some((w) => text.includes(w));
  const findings = (text: string) =>
    config.rules.flatMap((rule) => [...text.matchAll(new RegExp(rule.regex, 'g'))].map((m) => ({ rule: rule.id, match: m[0] }))).filter((f) => !allowed(f.match));

  it("extends gitleaks' default rules", () => {
    expect(config.extend?.useDefault).toBe(true);
  });

  it('finds a bot token and a database URL with a password', () => {
    const fakeToken = ['7012345678', 'AAF3kQm9Zx1Lp0Rt5Vb8Nc2Hd6Jw4Ys7Ue3'].join(':');
    expect(findings(`TELEGRAM_BOT_TOKEN=${fakeToken}`).map((f) => f.rule)).toEqual(['telegram-bot-token']);
    expect(findings('DATABASE_URL=postgres://academy:Xk29fjQp77zz@db.example.com:5432/academy').map((f) => f.rule)).toEqual(['connection-url-with-password']);
  });

  it("lets Telegram's published example token and the local compose values through", () => {
    const example = JSON.parse(readText('test/fixtures/telegram-init-data.json')) as { botToken: string };
    expect(findings(example.botToken)).toEqual([]);
    expect(findings(readText('deploy/docker/compose.yaml'))).toEqual([]);
  });

  it('the repository files of this area hold no secret', () => {
    const files = [...listFiles('deploy'), ...listFiles('.github'), ...listFiles('actions'), 'docs/deploy.md'].filter((f) => exists(f));
    expect(files.flatMap((f) => findings(readText(f)).map((x) => `${f}: ${x.rule}`))).toEqual([]);
  });
});
