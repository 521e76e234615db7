import type { Cache, Config, Db, Logger, Metrics, SessionTokens } from '@academy/core';

/** What the HTTP layer is given: built once by the process, passed into every route plugin. */
export interface AppDeps {
  config: Config;
  db: Db;
  cache: Cache;
  tokens: SessionTokens;
  logger: Logger;
  /** The process's Prometheus metrics (served on METRICS_PORT by metrics-server.ts). */
  metrics: Metrics;
  contentDir: string;
  version: string;
  /** Flipped by the shutdown handler: readiness fails from that moment. */
  lifecycle: { shuttingDown: boolean };
}
