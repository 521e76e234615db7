export type { Db, PoolStats, Queryable, Session } from './types';
export { PgDb, poolConfig, type PgOptions } from './pg-adapter';
export { PGliteDb } from './pglite-adapter';
export { createDb } from './create';
export { migrate, readMigrations, splitStatements, MIGRATIONS_DIR, type Migration, type MigrationResult } from './migrate';
export { isUnavailable, isUniqueViolation, translateDbError } from './classify-error';
