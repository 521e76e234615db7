import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { Db, PoolStats, Queryable, Session } from './types';
import { translateDbError } from './classify-error';

export interface PgOptions {
  url: string;
  readUrl?: string | undefined;
  /** PEM text, or a path to a PEM file (the RDS CA bundle). When set, the server certificate is verified against it. */
  caCert?: string | undefined;
  max?: number;
  applicationName?: string;
}

// The playbook's pool settings. TLS is verified: we never pass rejectUnauthorized: false.
const TIMEOUT_MS = 30_000;
export function poolConfig(url: string, options: PgOptions): pg.PoolConfig {
  const ca = options.caCert === undefined ? undefined : readCa(options.caCert);
  return {
    connectionString: url,
    min: 5,
    max: options.max ?? 20,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 2_000,
    statement_timeout: TIMEOUT_MS,
    query_timeout: TIMEOUT_MS,
    idle_in_transaction_session_timeout: TIMEOUT_MS,
    application_name: options.applicationName ?? 'telegram-ios-academy',
    ...(ca === undefined ? {} : { ssl: { ca, rejectUnauthorized: true } }),
  };
}

function readCa(value: string): string {
  return value.includes('-----BEGIN') ? value : readFileSync(value, 'utf8');
}

function wrap(client: Pick<pg.PoolClient, 'query'> | pg.Pool): Queryable {
  return {
    async query<Row>(sql: string, params?: readonly unknown[]) {
      try {
        const result = await client.query(sql, params as unknown[] | undefined);
        return result.rows as Row[];
      } catch (error) {
        return translateDbError(error);
      }
    },
  };
}

// A client whose connection drops emits 'error' — on the pool while idle, on the client while checked
// out. Unheard, either crashes the process; the failure already reaches the query that was running.
function survivable(pool: pg.Pool): pg.Pool {
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export class PgDb implements Db {
  readonly kind = 'postgres' as const;
  readonly read: Queryable;
  private readonly pool: pg.Pool;
  private readonly readPool: pg.Pool | undefined;
  private readonly primary: Queryable;

  constructor(private readonly options: PgOptions) {
    this.pool = survivable(new pg.Pool(poolConfig(options.url, options)));
    this.primary = wrap(this.pool);
    if (options.readUrl) {
      this.readPool = survivable(new pg.Pool(poolConfig(options.readUrl, { ...options, applicationName: 'telegram-ios-academy-read' })));
      this.read = wrap(this.readPool);
    } else {
      this.read = this.primary;
    }
  }

  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]> {
    return this.primary.query<Row>(sql, params);
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      await client.query('BEGIN');
      const result = await work(wrap(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      return translateDbError(error);
    } finally {
      client.release();
    }
  }

  async withSession<T>(work: (session: Session) => Promise<T>): Promise<T> {
    const client = await this.connect();
    try {
      const session: Session = {
        ...wrap(client),
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      return await work(session);
    } finally {
      client.release();
    }
  }

  async ping(timeoutMs = 2_000): Promise<void> {
    const client = await this.connect();
    try {
      await client.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
    } catch (error) {
      translateDbError(error);
    } finally {
      client.release();
    }
  }

  stats(): PoolStats {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount, max: this.pool.options.max };
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.readPool?.end()]);
  }

  describe(): string {
    const url = new URL(this.options.url);
    const replica = this.options.readUrl ? `, reads from ${new URL(this.options.readUrl).host}` : '';
    return `PostgreSQL at ${url.host}${url.pathname} (pool max ${this.stats().max}${replica})`;
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      return translateDbError(error);
    }
  }
}
