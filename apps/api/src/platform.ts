import { coursesDir } from '@academy/content';
import { createCache, createDb, RedisStore, SessionTokens, type Config, type Db, type Logger } from '@academy/core';
import type { AppDeps } from './deps';

export const VERSION = process.env.npm_package_version ?? '0.1.0';

/** Opens the database and the cache the configuration names (or uses the given db); `close` releases both. */
export async function createPlatform(
  config: Config,
  logger: Logger,
  given: { db?: Db; redisKeyPrefix?: string } = {},
): Promise<AppDeps & { close(): Promise<void> }> {
  const db = given.db ?? (await createDb(config));
  const cache = createCache({ redisUrl: config.REDIS_URL, keyPrefix: given.redisKeyPrefix, logger: logger.child({ component: 'cache' }) });
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
    contentDir: config.CONTENT_DIR ?? coursesDir,
    version: VERSION,
    lifecycle: { shuttingDown: false },
    async close() {
      await Promise.allSettled([cache.close(), db.close()]);
    },
  };
}
