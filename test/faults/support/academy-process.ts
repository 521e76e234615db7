import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FIXTURE_CONTENT_DIR } from '@academy/core/testing';

// The real academy process, started as Kubernetes (or `npm start`) would start it, for fault tests.
export const MAIN = fileURLToPath(new URL('../../../apps/api/src/main.ts', import.meta.url));
export const BOT_TOKEN = '123456789:TEST_bot_token_for_academy_tests_only';

/**
 * The environment of a test academy: migrate + sync the fixture curriculum + serve the API on a free port,
 * the embedded database unless `extra` names one. `extra` wins.
 */
export function academyEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    ROLES: 'migrate,content-sync,api',
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
    DATABASE_URL: '',
    REDIS_URL: '',
    CONTENT_DIR: FIXTURE_CONTENT_DIR,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    BOT_MODE: 'off',
    SESSION_SECRET: 'session-secret-for-tests-0123456789abcdef',
    ...extra,
  };
}

export function startAcademy(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null>; output(): string }> {
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


/** Signs a learner in over HTTP with initData signed for BOT_TOKEN; returns the bearer token. */
export async function signIn(url: string, telegramId: number): Promise<string> {
  const { signInitData } = await import('@academy/core');
  const user = JSON.stringify({ id: telegramId, first_name: 'Learner' });
  const initData = signInitData({ auth_date: String(Math.floor(Date.now() / 1000)), user }, BOT_TOKEN);
  const response = await fetch(`${url}/api/v1/auth/telegram`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ initData }) });
  if (response.status !== 200) throw new Error(`sign-in failed with ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}
