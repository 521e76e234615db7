import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../telemetry/logger';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import { skipWithout, TEST_REDIS_URL, uniqueTestPrefix } from '../testing/services';
import type { CacheStore } from './types';

const redisUp = !(await skipWithout('redis'));

interface Harness {
  store: CacheStore;
  /** Creates many keys fast (a pipeline for Redis). */
  seed(keys: string[], value: string, ttlSeconds: number): Promise<void>;
  dispose(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function memoryHarness(): Harness {
  const store = new MemoryStore();
  return {
    store,
    async seed(keys, value, ttl) {
      for (const key of keys) await store.set(key, value, ttl);
    },
    dispose: () => store.close(),
  };
}

function redisHarness(): Harness {
  const store = new RedisStore({ url: TEST_REDIS_URL, keyPrefix: uniqueTestPrefix(), logger: silentLogger });
  return {
    store,
    async seed(keys, value, ttl) {
      await store.whenFirstConnectionSettled();
      const pipeline = store.client.pipeline();
      for (const key of keys) pipeline.set(store.keyPrefix + key, value, 'EX', ttl);
      const results = await pipeline.exec();
      expect(results?.every(([error]) => error === null)).toBe(true);
    },
    async dispose() {
      await store.deletePrefix('');
      await store.close();
    },
  };
}

function storeContract(make: () => Harness): void {
  let harness: Harness;
  let store: CacheStore;
  beforeEach(() => {
    harness = make();
    store = harness.store;
  });
  afterEach(() => harness.dispose());

  it('returns undefined for a missing key, the value after set, and the newest value after an overwrite', async () => {
    expect(await store.get('lesson:missing')).toBeUndefined();
    await store.set('lesson:a', '{"v":1}', 60);
    expect(await store.get('lesson:a')).toBe('{"v":1}');
    await store.set('lesson:a', '{"v":2}', 60);
    expect(await store.get('lesson:a')).toBe('{"v":2}');
  });

  it('drops an entry after its TTL', async () => {
    await store.set('ttl:short', 'gone soon', 1);
    await store.set('ttl:long', 'stays', 60);
    expect(await store.get('ttl:short')).toBe('gone soon');
    await sleep(1300);
    expect(await store.get('ttl:short')).toBeUndefined();
    expect(await store.get('ttl:long')).toBe('stays');
  });

  it('rejects a TTL that is not a positive number', async () => {
    await expect(store.set('bad:ttl', 'x', 0)).rejects.toThrow(RangeError);
    await expect(store.set('bad:ttl', 'x', Number.NaN)).rejects.toThrow(RangeError);
    expect(await store.get('bad:ttl')).toBeUndefined();
  });

  it('deletePrefix removes exactly the prefixed keys, across many SCAN pages', async () => {
    const inside = Array.from({ length: 1500 }, (_, i) => `bulk:${i}`);
    const outside = ['bulk', 'bulkx:1', 'xbulk:1', 'other:bulk:1'];
    await harness.seed(inside, 'v', 120);
    await harness.seed(outside, 'keep', 120);

    expect(await store.deletePrefix('bulk:')).toBe(1500);

    expect(await store.get('bulk:0')).toBeUndefined();
    expect(await store.get('bulk:1499')).toBeUndefined();
    for (const key of outside) expect(await store.get(key)).toBe('keep');
    expect(await store.deletePrefix('bulk:')).toBe(0);
  });

  it('deletePrefix matches glob characters literally', async () => {
    const literal = 'g*[a]?\\:';
    await store.set(`${literal}1`, 'x', 60);
    // The last two match the prefix read as a glob (g, anything, a, one char, ':'): only escaping keeps them.
    const lookalikes = ['g*[a]Z\\:1', 'g*[a]?Z:1', 'gZa?:1', 'gxyzaQ:1'];
    for (const key of lookalikes) await store.set(key, 'keep', 60);

    expect(await store.deletePrefix(literal)).toBe(1);
    expect(await store.get(`${literal}1`)).toBeUndefined();
    for (const key of lookalikes) expect(await store.get(key)).toBe('keep');
  });

  it('answers ping and describes itself without credentials', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    expect(store.describe()).toMatch(store.kind === 'redis' ? /^Redis at 127\.0\.0\.1:\d+/ : /^in-process LRU \(max \d+ entries\)$/);
    expect(store.describe()).not.toMatch(/@|password/i);
  });
}

describe('CacheStore contract: MemoryStore', () => storeContract(memoryHarness));

describe.skipIf(!redisUp)('CacheStore contract: RedisStore (real Redis)', () => {
  storeContract(redisHarness);

  it('stores keys under its key prefix with SET EX', async () => {
    const harness = redisHarness();
    const store = harness.store as RedisStore;
    try {
      await store.set('lesson:x', '"v"', 90);
      expect(await store.client.get(`${store.keyPrefix}lesson:x`)).toBe('"v"');
      const ttl = await store.client.ttl(`${store.keyPrefix}lesson:x`);
      expect(ttl).toBeGreaterThan(80);
      expect(ttl).toBeLessThanOrEqual(90);
      expect(await store.client.exists('lesson:x')).toBe(0);
    } finally {
      await harness.dispose();
    }
  });
});
