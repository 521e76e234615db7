import type { Cache, Config, Db, Logger, SessionTokens } from '@academy/core';

/** What the HTTP layer is given: built once by the process, passed into every route plugin. */
export interface AppDeps {
  config: Config;
  db: Db;
  cache: Cache;
  tokens: SessionTokens;
  logger: Logger;
  contentDir: string;
  version: string;
  /** Flipped by the shutdown handler: readiness fails from that moment. */
  lifecycle: { shuttingDown: boolean };
}
