import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS } from './schema';
import { ConfigError, loadConfig } from './load';

const ENV_EXAMPLE = fileURLToPath(new URL('../../../../.env.example', import.meta.url));
const MAIN = fileURLToPath(new URL('../../../../apps/api/src/main.ts', import.meta.url));

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('.env.example documents exactly the variables the schema reads, each with a comment', () => {
    const text = readFileSync(ENV_EXAMPLE, 'utf8');
    const documented = [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...CONFIG_KEYS].sort());
    const namedInArchitecture = ['PORT', 'HOST', 'METRICS_PORT', 'DATABASE_URL', 'DATABASE_READ_URL', 'DATABASE_CA_CERT', 'DATA_DIR', 'REDIS_URL', 'TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'BOT_MODE', 'TELEGRAM_WEBHOOK_SECRET', 'WEB_APP_URL', 'SESSION_SECRET', 'ADMIN_TOKEN', 'OPS_TOKEN', 'BACKUP_URL', 'OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_SERVICE_NAME', 'LOG_LEVEL', 'NODE_ENV'];
    expect(namedInArchitecture.filter((name) => !documented.includes(name))).toEqual([]);
  });

  it('starts with no configuration at all: embedded database, no bot', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, METRICS_PORT: 9464, DATA_DIR: './data', BOT_MODE: 'off', QUIZ_PASS_MARK: 70 });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.ROLES).toEqual(['migrate', 'content-sync', 'api', 'web', 'bot']);
  });

  it('runs the bot in polling mode when a token is set, and needs a long secret for webhooks', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '123:ABCDEFGHIJKLMNOPQRSTUVWXYZ' }).BOT_MODE).toBe('polling');
    expect(problems({ TELEGRAM_BOT_TOKEN: '123:ABCDEFGHIJKLMNOPQRSTUVWXYZ', BOT_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'short' })).toEqual([
      'TELEGRAM_WEBHOOK_SECRET must be at least 32 characters',
    ]);
  });

  it('lists every problem at once', () => {
    const found = problems({ PORT: 'eighty', DATABASE_URL: 'mysql://x/y', NODE_ENV: 'production', ROLES: 'api,teleport', QUIZ_PASS_MARK: '0', METRICS_PORT: '3000' });
    expect(found.map((p) => p.split(' ')[0])).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'ROLES', 'QUIZ_PASS_MARK', 'SESSION_SECRET']),
    );
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('stops the process with exit code 1 and prints each problem', async () => {
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', MAIN], { env: { ...process.env, PORT: 'eighty', REDIS_URL: 'http://cache', BOT_MODE: 'sometimes' } });
    const failure = (await run.then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stderr: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('PORT');
    expect(failure?.stderr).toContain('REDIS_URL must start with redis: or rediss:');
    expect(failure?.stderr).toContain('BOT_MODE must be one of off, polling, webhook');
  }, 30_000);
});
