import { LRUCache } from 'lru-cache';
import { assertTtl, type CacheStore } from './types';

export interface MemoryStoreOptions {
  /** Most entries kept; the least recently used is evicted beyond it. Default 5000. */
  maxEntries?: number;
}

export const DEFAULT_MAX_ENTRIES = 5000;

/** The embedded default: an in-process LRU with a TTL per entry (no timers; expired entries are dropped on read). */
export class MemoryStore implements CacheStore {
  readonly kind = 'memory' as const;
  private readonly lru: LRUCache<string, string>;
  private readonly maxEntries: number;

  constructor(options: MemoryStoreOptions = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) {
      throw new RangeError(`maxEntries must be a positive integer, got ${this.maxEntries}`);
    }
    this.lru = new LRUCache<string, string>({ max: this.maxEntries });
  }

  async get(key: string): Promise<string | undefined> {
    return this.lru.get(key);
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    assertTtl(ttlSeconds);
    this.lru.set(key, value, { ttl: Math.ceil(ttlSeconds * 1000) });
  }

  async deletePrefix(prefix: string): Promise<number> {
    this.lru.purgeStale();
    const doomed = [...this.lru.keys()].filter((key) => key.startsWith(prefix));
    for (const key of doomed) this.lru.delete(key);
    return doomed.length;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.lru.clear();
  }

  describe(): string {
    return `in-process LRU (max ${this.maxEntries} entries)`;
  }
}
