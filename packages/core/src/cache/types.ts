/** A raw string store with per-entry TTL. Adapters: RedisStore (ioredis) and MemoryStore (in-process LRU). */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Deletes every key starting with prefix; Redis: SCAN MATCH + UNLINK in batches, never KEYS. Returns how many. */
  deletePrefix(prefix: string): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** For the start-up log line, without credentials (e.g. "Redis at 127.0.0.1:6379"). */
  describe(): string;
}

export interface CacheObserver {
  onHit?(namespace: string): void;
  onMiss?(namespace: string): void;
  onError?(operation: string, error: unknown): void;
}

export interface Cache {
  readonly store: CacheStore;
  /** Cache-aside: hit → parsed JSON value; miss → load(), store it (unless undefined) for ttlSeconds, return it.
   *  Single-flight: concurrent calls for the same key while one is in progress share one load() call.
   *  Any store error (get or set) is logged (warn, with the key and error message) and reported to observer.onError;
   *  the value is then loaded from the source — a cache failure never fails the caller. Errors thrown by load() propagate to every waiter. */
  getOrLoad<T>(key: string, ttlSeconds: number, load: () => Promise<T | undefined>): Promise<T | undefined>;
  /** Deletes every key with this prefix; store errors are logged, never thrown. */
  invalidatePrefix(prefix: string): Promise<void>;
  close(): Promise<void>;
}

/** Throws unless ttlSeconds is a positive finite number (both adapters agree on what they accept). */
export function assertTtl(ttlSeconds: number): void {
  if (!Number.isFinite(ttlSeconds) || ttlSeconds <= 0) {
    throw new RangeError(`cache TTL must be a positive number of seconds, got ${ttlSeconds}`);
  }
}
