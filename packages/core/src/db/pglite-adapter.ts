import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Db, PoolStats, Queryable, Session } from './types';

/**
 * The embedded default: PostgreSQL compiled to WebAssembly, in this process, one connection.
 * PGlite runs one query at a time; `transaction` holds its lock, so code inside a transaction must use
 * the `tx` it is given — a query on the Db itself would wait for the transaction that is waiting for it.
 */
export class PGliteDb implements Db {
  readonly kind = 'pglite' as const;
  readonly read: Queryable = this;
  private pending = 0;

  private constructor(
    private readonly db: PGlite,
    private readonly where: string,
  ) {}

  /** `dataDir` undefined keeps the database in memory (tests). */
  static async open(dataDir?: string): Promise<PGliteDb> {
    let where = 'memory';
    if (dataDir !== undefined) {
      where = resolve(dataDir, 'pglite');
      mkdirSync(where, { recursive: true });
    }
    const db = await PGlite.create(dataDir === undefined ? undefined : where);
    return new PGliteDb(db, where);
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.track(async () => (await this.db.query<Row>(sql, params as unknown[] | undefined)).rows);
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.track(() =>
      this.db.transaction((tx) =>
        work({ query: async <Row>(sql: string, params?: readonly unknown[]) => (await tx.query<Row>(sql, params as unknown[] | undefined)).rows }),
      ),
    );
  }

  async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const session: Session = {
      query: (sql, params) => this.query(sql, params),
      exec: async (sql) => {
        await this.db.exec(sql);
      },
    };
    return work(session);
  }

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  stats(): PoolStats {
    return { total: 1, idle: this.pending === 0 ? 1 : 0, waiting: Math.max(0, this.pending - 1), max: 1 };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }

  describe(): string {
    return `PGlite (embedded PostgreSQL) in ${this.where}`;
  }

  private async track<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    try {
      return await work();
    } finally {
      this.pending--;
    }
  }
}
