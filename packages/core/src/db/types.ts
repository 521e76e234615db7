/** Something SQL can be sent to: the pool, a transaction, or a dedicated session. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** One connection held for a while (migrations need it for the advisory lock and non-transactional DDL). */
export interface Session extends Queryable {
  /** Runs a script of one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** For read-only queries: the replica pool when DATABASE_READ_URL is set, otherwise the primary. */
  readonly read: Queryable;
  /** Runs `work` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  withSession<T>(work: (session: Session) => Promise<T>): Promise<T>;
  /** A round trip with a short deadline, for readiness. */
  ping(timeoutMs?: number): Promise<void>;
  stats(): PoolStats;
  close(): Promise<void>;
  /** Where the data lives, for the start-up log line (no credentials). */
  describe(): string;
}
