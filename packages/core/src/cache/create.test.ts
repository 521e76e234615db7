import { describe, expect, it } from 'vitest';
import { silentLogger } from '../telemetry/logger';
import { namespaceOf } from './cache';
import { createCache } from './create';
import type { RedisStore } from './redis-store';

describe('createCache and namespaceOf', () => {
  it('uses the in-process LRU without a Redis URL and Redis with one', async () => {
    const memory = createCache({ logger: silentLogger, maxEntries: 10 });
    expect([memory.store.kind, memory.store.describe()]).toEqual(['memory', 'in-process LRU (max 10 entries)']);
    expect(createCache({ logger: silentLogger }).store.describe()).toBe('in-process LRU (max 5000 entries)');
    const redis = createCache({ logger: silentLogger, redisUrl: 'redis://user:secret@127.0.0.1:1/2' });
    try {
      expect(redis.store.kind).toBe('redis');
      expect((redis.store as RedisStore).keyPrefix).toBe('academy:');
      expect(redis.store.describe()).toBe('Redis at 127.0.0.1:1 db 2');
    } finally {
      await redis.close();
      await memory.close();
    }
  });

  it('takes the namespace from the part before the first colon', () => {
    expect(namespaceOf('lesson:swift-optionals:en')).toBe('lesson');
    expect(namespaceOf('plain')).toBe('plain');
  });
});
