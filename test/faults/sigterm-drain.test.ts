import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInitData } from '@academy/core';
import { createPostgresDatabase, FIXTURE_CONTENT_DIR, FIXTURE_LESSON_ID, fixtureAnswers, skipWithout, TcpProxy, TEST_DATABASE_URL } from '@academy/core/testing';

// The real process, started as Kubernetes would start it, receives SIGTERM while requests are in flight:
// every one of them completes, readiness is off, and the process exits 0.
const skipPostgres = await skipWithout('postgres');
const MAIN = fileURLToPath(new URL('../../apps/api/src/main.ts', import.meta.url));
const BOT_TOKEN = '123456789:TEST_bot_token_for_academy_tests_only';

function startAcademy(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null>; output(): string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`academy did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /academy listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, exited, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`academy exited with ${code}:\n${output}`)));
  });
}

describe.skipIf(skipPostgres)('SIGTERM with requests in flight', () => {
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  let academy: Awaited<ReturnType<typeof startAcademy>>;
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    academy = await startAcademy({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ROLES: 'migrate,content-sync,api',
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: '0',
      DATABASE_URL: proxy.url(created.url),
      CONTENT_DIR: FIXTURE_CONTENT_DIR,
      TELEGRAM_BOT_TOKEN: BOT_TOKEN,
      BOT_MODE: 'off',
      SESSION_SECRET: 'session-secret-for-tests-0123456789abcdef',
    });
  }, 60_000);
  afterAll(async () => {
    academy?.child.kill('SIGKILL');
    await proxy?.close();
    await drop?.();
  });

  it('finishes all 20 in-flight attempts, refuses readiness, and exits 0', async () => {
    // Twenty learners, so the attempts run side by side rather than queueing behind one another.
    const tokens = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const user = JSON.stringify({ id: 7000 + i, first_name: 'Drain' });
        const initData = signInitData({ auth_date: String(Math.floor(Date.now() / 1000)), user }, BOT_TOKEN);
        const response = await fetch(`${academy.url}/api/v1/auth/telegram`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData }) });
        return ((await response.json()) as { token: string }).token;
      }),
    );

    proxy.delayMs = 150; // every database round trip now takes a while: the attempts are still running at SIGTERM
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`${academy.url}/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: JSON.stringify({ answers: fixtureAnswers((i % 5) as 0 | 1 | 2 | 3 | 4) }),
        signal: AbortSignal.timeout(40_000),
      }).then((response) => response.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    academy.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await fetch(`${academy.url}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 'refused' as const,
    );
    expect([503, 'refused']).toContain(ready);

    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(201));
    expect(await academy.exited).toBe(0);
    // It drained rather than giving up at the 25 s deadline.
    expect(academy.output()).toContain('shutdown complete');
    expect(academy.output()).not.toContain('closing anyway');
  }, 60_000);
});
