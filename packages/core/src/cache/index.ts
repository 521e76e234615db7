export type { Cache, CacheObserver, CacheStore } from './types';
export { createCacheFromStore, namespaceOf, type CacheOptions } from './cache';
export { createCache, type CreateCacheOptions } from './create';
export { MemoryStore, DEFAULT_MAX_ENTRIES, type MemoryStoreOptions } from './memory-store';
export { RedisStore, DEFAULT_KEY_PREFIX, redisOptions, escapeGlob, describeRedisUrl, type RedisStoreOptions } from './redis-store';
export { SingleFlight } from './single-flight';
