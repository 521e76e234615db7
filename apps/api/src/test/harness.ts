import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { loadConfig, migrate, PGliteDb, signInitData, silentLogger, syncCurriculumFromDir } from '@academy/core';
import { createPostgresDatabase, FIXTURE_CONTENT_DIR, uniqueTestPrefix } from '@academy/core/testing';
import { buildApp } from '../app';
import type { AppDeps } from '../deps';
import { createPlatform } from '../platform';

export const TEST_BOT_TOKEN = '123456789:TEST_bot_token_for_academy_tests_only';
export const TEST_ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

export interface TestApp {
  url: string;
  deps: AppDeps;
  app: FastifyInstance;
  /** Signs in through POST /api/v1/auth/telegram with correctly signed initData; returns the bearer token. */
  signIn(telegramId: number, profile?: { firstName?: string; languageCode?: string }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** 'pglite' (in memory), 'postgres' (a fresh database), or an existing PostgreSQL URL. */
  database: 'pglite' | 'postgres' | { url: string };
  redisUrl?: string;
  /** Redis key prefix for cache and rate limit (default: unique per app, so test files never share keys). */
  redisKeyPrefix?: string;
  env?: Record<string, string>;
  /** Migrate and sync the fixture curriculum (default true). */
  prepare?: boolean;
}

export async function startTestApp(options: TestAppOptions): Promise<TestApp> {
  let databaseUrl: string | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;
  if (options.database === 'postgres') {
    const created = await createPostgresDatabase();
    databaseUrl = created.url;
    dropDatabase = created.drop;
  } else if (typeof options.database === 'object') {
    databaseUrl = options.database.url;
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    BOT_MODE: 'off',
    SESSION_SECRET: 'session-secret-for-tests-0123456789abcdef',
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    CONTENT_DIR: FIXTURE_CONTENT_DIR,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  });
  // PGlite in memory rather than in DATA_DIR: every test app starts empty.
  const deps = await createPlatform(config, silentLogger, {
    redisKeyPrefix: options.redisKeyPrefix ?? uniqueTestPrefix(),
    ...(options.database === 'pglite' ? { db: await PGliteDb.open() } : {}),
  });
  if (options.prepare !== false) {
    await migrate(deps.db);
    await syncCurriculumFromDir(deps, deps.contentDir);
  }
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

  return {
    url,
    deps,
    app,
    async signIn(telegramId, profile = {}) {
      const initData = signInitData(
        {
          auth_date: String(Math.floor(Date.now() / 1000)),
          user: JSON.stringify({ id: telegramId, first_name: profile.firstName ?? `Learner ${telegramId}`, language_code: profile.languageCode ?? 'en' }),
        },
        TEST_BOT_TOKEN,
      );
      const response = await call(url, 'POST', '/api/v1/auth/telegram', { body: { initData } });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
      return (response.body as { token: string }).token;
    },
    async close() {
      await app.close();
      await deps.close();
      await dropDatabase?.();
    },
  };
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: unknown;
}

/** One HTTP request; a JSON body is sent as JSON, a string as-is. Bounded so a hang fails the test. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Asserts nothing itself: returns the problem body when the response is application/problem+json. */
export function problemOf(result: CallResult): { code?: string; status?: number; errors?: { path: string }[] } | undefined {
  return result.headers.get('content-type')?.startsWith('application/problem+json') ? (result.body as { code?: string }) : undefined;
}
