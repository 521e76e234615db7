import type { Config } from '../config';
import { PgDb } from './pg-adapter';
import { PGliteDb } from './pglite-adapter';
import type { Db } from './types';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite in DATA_DIR. */
export async function createDb(config: Pick<Config, 'DATABASE_URL' | 'DATABASE_READ_URL' | 'DATABASE_CA_CERT' | 'DATABASE_POOL_MAX' | 'DATA_DIR'>): Promise<Db> {
  if (config.DATABASE_URL) {
    return new PgDb({
      url: config.DATABASE_URL,
      readUrl: config.DATABASE_READ_URL,
      caCert: config.DATABASE_CA_CERT,
      max: config.DATABASE_POOL_MAX,
    });
  }
  return PGliteDb.open(config.DATA_DIR);
}
