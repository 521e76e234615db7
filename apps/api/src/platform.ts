import { coursesDir } from '@academy/content';
import { buildInfo, createCache, createDb, createMetrics, RedisStore, SessionTokens, type Config, type Db, type Logger, type Metrics } from '@academy/core';
import type { AppDeps } from './deps';

export const VERSION = buildInfo().version;

/** Opens the database and the cache the configuration names (or uses the given db); `close` releases both. */
export async function createPlatform(
  config: Config,
  logger: Logger,
  given: { db?: Db; redisKeyPrefix?: string; metrics?: Metrics } = {},
): Promise<AppDeps & { close(): Promise<void> }> {
  const db = given.db ?? (await createDb(config));
  // One registry per process (a fresh one per test app): the pool gauges read db.stats() at each scrape.
  const metrics = given.metrics ?? createMetrics({ build: { version: VERSION, commit: config.GIT_COMMIT ?? 'unknown' } });
  metrics.trackDbPool(db);
  const cache = createCache({
    redisUrl: config.REDIS_URL,
    keyPrefix: given.redisKeyPrefix,
    logger: logger.child({ component: 'cache' }),
    observer: metrics.cache,
  });
  // The rate limiter shares the Redis client, which queues nothing while disconnected: let it connect first.
  if (cache.store instanceof RedisStore) await cache.store.whenFirstConnectionSettled();
  const tokens = config.SESSION_SECRET
    ? new SessionTokens(config.SESSION_SECRET, config.SESSION_TTL_SECONDS)
    : SessionTokens.withEphemeralSecret(config.SESSION_TTL_SECONDS);
  if (!config.SESSION_SECRET) logger.warn('SESSION_SECRET is not set: sessions end when this process restarts (set it outside development)');
  logger.info({ database: db.describe(), cache: cache.store.describe() }, `using ${db.describe()} and ${cache.store.describe()}`);
  return {
    config,
    db,
    cache,
    tokens,
    logger,
    metrics,
    contentDir: config.CONTENT_DIR ?? coursesDir,
    version: VERSION,
    lifecycle: { shuttingDown: false },
    async close() {
      await Promise.allSettled([cache.close(), db.close()]);
    },
  };
}
