import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout, TEST_DATABASE_URL } from '@academy/core/testing';
import { runbookBlocks } from './support/assets';

// The SQL an on-call engineer pastes from a runbook works on the PostgreSQL we run (15): each statement is
// planned (EXPLAIN: names, columns and functions exist, types fit), and those that only read are run.

const skipPostgres = await skipWithout('postgres');
const statements = runbookBlocks('sql').map(({ where, expr }) => ({ where, sql: expr.replace(/;\s*$/, '') }));

describe.skipIf(skipPostgres)('runbook SQL against a real PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterAll(() => client?.end());

  it('the runbooks have SQL to check', () => {
    expect(statements.length).toBeGreaterThanOrEqual(4);
  });

  it.each(statements.map((s) => [`${s.where}: ${s.sql.split('\n')[0]}`, s] as const))('%s', async (_name, { sql }) => {
    await client.query(`EXPLAIN ${sql}`);
    // Only what cannot change anything runs for real (pg_terminate_backend is planned, never executed here).
    if (/^\s*SELECT\b/i.test(sql) && !/pg_terminate_backend|pg_cancel_backend/i.test(sql)) {
      const result = await client.query(sql);
      expect(Array.isArray(result.rows)).toBe(true);
    }
  });
});
