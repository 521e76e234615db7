import type { Logger } from '../telemetry/logger';
import { createCacheFromStore } from './cache';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import type { Cache, CacheObserver, CacheStore } from './types';

export interface CreateCacheOptions {
  /** REDIS_URL: when set the cache lives in Redis, otherwise in an in-process LRU. */
  redisUrl?: string | undefined;
  /** Redis only: prefix of every key (default 'academy:'). */
  keyPrefix?: string | undefined;
  /** In-process only: most entries kept (default 5000). */
  maxEntries?: number | undefined;
  logger: Logger;
  observer?: CacheObserver | undefined;
}

/** Redis when redisUrl is set, else the in-process LRU. Log `cache.store.describe()` at start-up. */
export function createCache(options: CreateCacheOptions): Cache {
  const store: CacheStore = options.redisUrl
    ? new RedisStore({ url: options.redisUrl, logger: options.logger, ...(options.keyPrefix === undefined ? {} : { keyPrefix: options.keyPrefix }) })
    : new MemoryStore(options.maxEntries === undefined ? {} : { maxEntries: options.maxEntries });
  return createCacheFromStore(store, { logger: options.logger, observer: options.observer });
}
