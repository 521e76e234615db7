import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../telemetry/logger';
import { createCacheFromStore } from './cache';
import { MemoryStore } from './memory-store';
import { RedisStore } from './redis-store';
import { skipWithout, TEST_REDIS_URL, uniqueTestPrefix } from '../testing/services';
import type { Cache, CacheObserver, CacheStore } from './types';

const redisUp = !(await skipWithout('redis'));

function recordingObserver() {
  const counts = { hits: new Map<string, number>(), misses: new Map<string, number>(), errors: [] as string[] };
  const bump = (map: Map<string, number>, ns: string) => map.set(ns, (map.get(ns) ?? 0) + 1);
  const observer: CacheObserver = {
    onHit: (ns) => bump(counts.hits, ns),
    onMiss: (ns) => bump(counts.misses, ns),
    onError: (operation) => counts.errors.push(operation),
  };
  return { observer, counts };
}

function countingLoader<T>(value: T, delayMs = 0) {
  const loader = Object.assign(
    async () => {
      loader.calls += 1;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return value;
    },
    { calls: 0 },
  );
  return loader;
}

const open: Cache[] = [];
afterEach(async () => {
  for (const cache of open.splice(0)) {
    await cache.invalidatePrefix('');
    await cache.close();
  }
});

function getOrLoadBehaviour(makeStore: () => CacheStore): void {
  const setup = () => {
    const { observer, counts } = recordingObserver();
    const cache = createCacheFromStore(makeStore(), { logger: silentLogger, observer });
    open.push(cache);
    return { cache, counts };
  };

  it('loads on a miss, serves the stored JSON on a hit, and reports both per namespace', async () => {
    const { cache, counts } = setup();
    const load = countingLoader({ title: 'Optionals', order: 3 });
    const key = 'lesson:swift-optionals:en';

    expect(await cache.getOrLoad(key, 60, load)).toEqual({ title: 'Optionals', order: 3 });
    expect(await cache.store.get(key)).toBe('{"title":"Optionals","order":3}');
    expect(await cache.getOrLoad(key, 60, load)).toEqual({ title: 'Optionals', order: 3 });

    expect(load.calls).toBe(1);
    expect(counts.misses.get('lesson')).toBe(1);
    expect(counts.hits.get('lesson')).toBe(1);
    expect(counts.errors).toEqual([]);
  });

  it('shares one load between 20 concurrent calls for the same key', async () => {
    const { cache, counts } = setup();
    const load = countingLoader(['a', 'b'], 50);
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrLoad('course:list', 60, load)));
    expect(load.calls).toBe(1);
    expect(results.every((r) => JSON.stringify(r) === '["a","b"]')).toBe(true);
    expect(counts.misses.get('course')).toBe(1);
  });

  it('gives a load error to every waiter and does not cache it', async () => {
    const { cache } = setup();
    let calls = 0;
    const failing = async (): Promise<string> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error('database down');
    };
    const settled = await Promise.allSettled(Array.from({ length: 5 }, () => cache.getOrLoad('lesson:x', 60, failing)));
    expect(calls).toBe(1);
    expect(settled.every((s) => s.status === 'rejected' && (s.reason as Error).message === 'database down')).toBe(true);
    expect(await cache.store.get('lesson:x')).toBeUndefined();
    expect(await cache.getOrLoad('lesson:x', 60, async () => 'recovered')).toBe('recovered');
    expect(await cache.store.get('lesson:x')).toBe('"recovered"');
  });

  it('does not cache undefined', async () => {
    const { cache, counts } = setup();
    const load = countingLoader<string | undefined>(undefined);
    expect(await cache.getOrLoad('lesson:none', 60, load)).toBeUndefined();
    expect(await cache.store.get('lesson:none')).toBeUndefined();
    expect(await cache.getOrLoad('lesson:none', 60, load)).toBeUndefined();
    expect(load.calls).toBe(2);
    expect(counts.misses.get('lesson')).toBe(2);
  });

  it('invalidatePrefix makes the next call reload only the invalidated keys', async () => {
    const { cache } = setup();
    const lesson = countingLoader('L');
    const course = countingLoader('C');
    await cache.getOrLoad('lesson:a:en', 60, lesson);
    await cache.getOrLoad('course:a', 60, course);
    await cache.invalidatePrefix('lesson:');
    await cache.getOrLoad('lesson:a:en', 60, lesson);
    await cache.getOrLoad('course:a', 60, course);
    expect([lesson.calls, course.calls]).toEqual([2, 1]);
  });

  it('treats a stored value that is not JSON as a miss and overwrites it', async () => {
    const { cache, counts } = setup();
    await cache.store.set('lesson:corrupt', '{not json', 60);
    expect(await cache.getOrLoad('lesson:corrupt', 60, async () => 42)).toBe(42);
    expect(counts.errors).toEqual(['parse']);
    expect(await cache.store.get('lesson:corrupt')).toBe('42');
  });
}

describe('getOrLoad over MemoryStore', () => getOrLoadBehaviour(() => new MemoryStore()));

describe.skipIf(!redisUp)('getOrLoad over RedisStore (real Redis)', () => {
  getOrLoadBehaviour(() => new RedisStore({ url: TEST_REDIS_URL, keyPrefix: uniqueTestPrefix(), logger: silentLogger }));
});
