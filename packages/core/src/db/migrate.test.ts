import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase, createTestDatabase, skipWithout, type DbKind } from '../testing';
import { migrate, readMigrations, splitStatements } from './migrate';
import { PgDb } from './pg-adapter';

const skipPostgres = await skipWithout('postgres');
const EXPECTED_INDEXES = [
  'idx_active_users',
  'idx_events_aggregate_version',
  'idx_progress_analytics',
  'idx_progress_user_lesson',
  'idx_users_telegram_id',
];

describe.each<DbKind>(['pglite', 'postgres'])('migrations on %s', (kind) => {
  const run = kind === 'postgres' && skipPostgres ? it.skip : it;

  run('apply in order, record themselves, and do nothing the second time', async () => {
    const t = await createTestDatabase(kind, { migrated: false });
    try {
      const first = await migrate(t.db);
      expect(first.applied).toEqual(readMigrations().map((m) => m.name));
      const second = await migrate(t.db);
      expect(second).toEqual({ applied: [], skipped: first.applied });
      const indexes = await t.db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'idx_%' ORDER BY 1");
      expect(indexes.map((row) => row.indexname)).toEqual(expect.arrayContaining(EXPECTED_INDEXES));
      const invalid = await t.db.query('SELECT 1 FROM pg_index WHERE NOT indisvalid');
      expect(invalid).toEqual([]);
    } finally {
      await t.drop();
    }
  });

  run('refuse to continue when an applied migration was edited', async () => {
    const t = await createTestDatabase(kind, { migrated: true });
    try {
      const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
      await expect(migrate(t.db, edited)).rejects.toThrow(/was changed after it was applied/);
    } finally {
      await t.drop();
    }
  });
});

describe.skipIf(skipPostgres)('migrations from two processes at once', () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(() => drop?.());

  it('both succeed; the schema is applied exactly once', async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const main = fileURLToPath(new URL('../../../../apps/api/src/main.ts', import.meta.url));
    const env = { ...process.env, DATABASE_URL: created.url, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    const start = () => promisify(execFile)(process.execPath, ['--import', 'tsx', main, '--roles', 'migrate'], { env });
    const results = await Promise.allSettled([start(), start()]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const db = new PgDb({ url: created.url });
    try {
      const rows = await db.query<{ version: string }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((row) => row.version)).toEqual(readMigrations().map((m) => m.version));
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comment lines', () => {
    const sql = '-- header\nCREATE INDEX a ON t (x);\n-- why\nCREATE INDEX b\n  ON t (y);\n';
    expect(splitStatements(sql)).toEqual(['CREATE INDEX a ON t (x)', 'CREATE INDEX b\n  ON t (y)']);
  });
});
