import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, skipWithout, type DbKind, type TestDatabase } from '../testing';
import { DatabaseUnavailableError } from '../errors';
import { isUniqueViolation } from './classify-error';
import { PgDb } from './pg-adapter';

// The same contract for both adapters: whatever passes on PGlite must pass on PostgreSQL.
const kinds: DbKind[] = ['pglite', 'postgres'];
const skipPostgres = await skipWithout('postgres');

describe.each(kinds)('Db contract on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (kind === 'postgres' && skipPostgres) return;
    t = await createTestDatabase(kind, { migrated: false });
    await t.db.query('CREATE TABLE items (id int PRIMARY KEY, doc jsonb, big bigint, at timestamptz DEFAULT now())');
  });
  afterAll(() => t?.drop());
  const run = kind === 'postgres' && skipPostgres ? it.skip : it;

  run('runs parameterised queries and returns typed rows', async () => {
    await t.db.query('INSERT INTO items (id, doc, big) VALUES ($1, $2::jsonb, $3)', [1, JSON.stringify({ a: [1, 2] }), '9007199254740991']);
    const [row] = await t.db.query<{ id: number; doc: { a: number[] }; big: string | number | bigint; at: Date }>('SELECT * FROM items WHERE id = $1', [1]);
    expect(row?.id).toBe(1);
    expect(row?.doc).toEqual({ a: [1, 2] });
    expect(Number(row?.big)).toBe(Number.MAX_SAFE_INTEGER);
    expect(row?.at).toBeInstanceOf(Date);
  });

  run('commits a transaction that resolves and rolls back one that throws', async () => {
    await t.db.transaction(async (tx) => {
      await tx.query('INSERT INTO items (id) VALUES (10)');
      await tx.query('INSERT INTO items (id) VALUES (11)');
    });
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (12)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    const rows = await t.db.query<{ id: number }>('SELECT id FROM items WHERE id >= 10 ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([10, 11]);
  });

  run('a failed statement rolls back the whole transaction (no half-written record)', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (id) VALUES (20)');
        await tx.query('INSERT INTO items (id) VALUES (10)'); // duplicate key
      }),
    ).rejects.toSatisfy((error) => isUniqueViolation(error));
    expect(await t.db.query('SELECT id FROM items WHERE id = 20')).toEqual([]);
  });

  run('reads through the read side and answers ping', async () => {
    await t.db.ping();
    const [row] = await t.db.read.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
    expect(row?.n).toBeGreaterThan(0);
  });

  run('runs multi-statement scripts in a session', async () => {
    await t.db.withSession(async (session) => {
      await session.exec('CREATE TABLE script_a (x int); CREATE TABLE script_b (y int);');
      const tables = await session.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_name LIKE 'script_%' ORDER BY 1",
      );
      expect(tables.map((r) => r.name)).toEqual(['script_a', 'script_b']);
    });
  });

  run('reports pool statistics', () => {
    const stats = t.db.stats();
    expect(stats.max).toBeGreaterThanOrEqual(1);
    expect(stats.total).toBeGreaterThanOrEqual(0);
    expect(stats.idle).toBeLessThanOrEqual(stats.max);
  });
});

describe('PgDb when the server is unreachable', () => {
  it('fails fast with DatabaseUnavailableError, for queries, transactions and ping', async () => {
    const db = new PgDb({ url: 'postgres://postgres@127.0.0.1:1/none' });
    try {
      await expect(db.query('SELECT 1')).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(db.transaction(async (tx) => tx.query('SELECT 1'))).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(db.ping()).rejects.toBeInstanceOf(DatabaseUnavailableError);
    } finally {
      await db.close();
    }
  });
});
