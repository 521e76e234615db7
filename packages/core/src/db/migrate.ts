import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Session } from './types';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
// Any fixed 64-bit number; every process that migrates this database takes the same lock.
const MIGRATION_LOCK_ID = 7_263_517_001;
const NO_TRANSACTION = /^--\s*migrate:\s*no-transaction\s*$/m;

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
  transactional: boolean;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
        transactional: !NO_TRANSACTION.test(sql),
      };
    });
}

/** Statements of a no-transaction file: each ends with ";" at the end of a line; comments are dropped. */
export function splitStatements(sql: string): string[] {
  const withoutComments = sql
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return withoutComments
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies pending migrations in order, each recorded in schema_migrations. Two processes may start at
 * once: the advisory lock makes the second wait, then find nothing left to do. An applied migration
 * whose file has changed stops the run — migrations are append-only.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<MigrationResult> {
  return db.withSession(async (session) => {
    await acquireLock(session);
    try {
      await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    text PRIMARY KEY,
        name       text NOT NULL,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const rows = await session.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations');
      const done = new Map(rows.map((row) => [row.version, row.checksum]));
      const result: MigrationResult = { applied: [], skipped: [] };
      for (const migration of migrations) {
        const checksum = done.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead`);
          }
          result.skipped.push(migration.name);
          continue;
        }
        await apply(session, migration);
        result.applied.push(migration.name);
      }
      return result;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    }
  });
}

// Wait by polling pg_try_advisory_lock rather than blocking in pg_advisory_lock: a waiting
// pg_advisory_lock is a running statement, and CREATE INDEX CONCURRENTLY in the lock holder waits for
// every running statement to finish — the two processes would deadlock.
const LOCK_POLL_MS = 200;
const LOCK_WAIT_MS = 10 * 60_000;
async function acquireLock(session: Session): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    const [row] = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK_ID]);
    if (row?.locked) return;
    if (Date.now() > deadline) throw new Error('Timed out waiting for another process to finish migrating');
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

async function apply(session: Session, migration: Migration): Promise<void> {
  const record = () =>
    session.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      migration.checksum,
    ]);
  if (migration.transactional) {
    await session.exec('BEGIN');
    try {
      await session.exec(migration.sql);
      await record();
      await session.exec('COMMIT');
    } catch (error) {
      await session.exec('ROLLBACK').catch(() => undefined);
      throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
    }
    return;
  }
  await dropInvalidIndexes(session);
  for (const statement of splitStatements(migration.sql)) {
    try {
      await session.exec(statement);
    } catch (error) {
      throw new Error(`Migration ${migration.name} failed at: ${statement.split('\n')[0]}: ${(error as Error).message}`, { cause: error });
    }
  }
  await record();
}

// A CREATE INDEX CONCURRENTLY that was interrupted leaves an INVALID index behind, which IF NOT EXISTS
// would then skip. We hold the migration lock, so no other build is in progress: drop them and rebuild.
async function dropInvalidIndexes(session: Session): Promise<void> {
  const invalid = await session.query<{ name: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid AND n.nspname = current_schema()`,
  );
  for (const { name } of invalid) await session.exec(`DROP INDEX CONCURRENTLY IF EXISTS ${name}`);
}
