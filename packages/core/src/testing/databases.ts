import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PgDb } from '../db/pg-adapter';
import { PGliteDb } from '../db/pglite-adapter';
import { migrate } from '../db/migrate';
import type { Db } from '../db/types';
import { TEST_DATABASE_URL } from './services';

export type DbKind = 'pglite' | 'postgres';

export interface TestDatabase {
  kind: DbKind;
  /** The PostgreSQL URL of this test's own database (postgres only). */
  url: string | undefined;
  db: Db;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one test file, created beside TEST_DATABASE_URL's database. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `academy_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated database of the given kind; PGlite lives in memory. */
export async function createTestDatabase(kind: DbKind, options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  let result: TestDatabase;
  if (kind === 'pglite') {
    const db = await PGliteDb.open();
    result = { kind, url: undefined, db, drop: () => db.close() };
  } else {
    const created = await createPostgresDatabase();
    const db = new PgDb({ url: created.url, max: 10 });
    result = {
      kind,
      url: created.url,
      db,
      drop: async () => {
        await db.close();
        await created.drop();
      },
    };
  }
  if (options.migrated !== false) await migrate(result.db);
  return result;
}
