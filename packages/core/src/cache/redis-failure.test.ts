import { once } from 'node:events';
import { Redis } from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createCacheFromStore } from './cache';
import { RedisStore } from './redis-store';
import { skipWithout, TEST_REDIS_URL, uniqueTestPrefix } from '../testing/services';
import { TcpProxy } from '../testing/tcp-proxy';
import type { CacheObserver } from './types';

const redisUp = !(await skipWithout('redis'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { logger, lines };
}

function errorRecorder() {
  const errors: string[] = [];
  const observer: CacheObserver = { onError: (operation) => errors.push(operation) };
  return { observer, errors };
}

describe('Redis unreachable', () => {
  it('getOrLoad still returns loaded values, reports the errors, and the outage is logged once', async () => {
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ url: 'redis://127.0.0.1:1', keyPrefix: uniqueTestPrefix(), logger });
    let clientErrors = 0;
    store.client.on('error', () => (clientErrors += 1));
    const { observer, errors } = errorRecorder();
    const cache = createCacheFromStore(store, { logger, observer });
    try {
      const started = Date.now();
      expect(await cache.getOrLoad('lesson:a:en', 60, async () => ({ title: 'A' }))).toEqual({ title: 'A' });
      expect(await cache.getOrLoad('lesson:a:en', 60, async () => ({ title: 'A again' }))).toEqual({ title: 'A again' });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(errors).toEqual(['get', 'get']);

      await expect(cache.invalidatePrefix('lesson:')).resolves.toBeUndefined();
      expect(errors).toContain('invalidate');
      await expect(store.ping()).rejects.toThrow();

      await sleep(1300); // several reconnect attempts (200, 400, 600 ms)
      expect(clientErrors).toBeGreaterThanOrEqual(3);
      expect(lines.filter((line) => line.msg.startsWith('Redis unavailable'))).toHaveLength(1);
      expect(lines.filter((line) => line.level === 40 && line.msg.startsWith('cache get failed'))).toHaveLength(2);
    } finally {
      await cache.close();
    }
  });
});

describe.skipIf(!redisUp)('Redis stopped mid-way (TCP proxy to the real Redis)', () => {
  it('falls back to load() while it is gone and uses Redis again after it comes back', async () => {
    const target = new URL(TEST_REDIS_URL);
    const proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
    const { logger, lines } = capturingLogger();
    const store = new RedisStore({ url: proxy.url(TEST_REDIS_URL), keyPrefix: uniqueTestPrefix(), logger });
    const { observer, errors } = errorRecorder();
    const cache = createCacheFromStore(store, { logger, observer });
    const direct = new Redis(TEST_REDIS_URL);
    try {
      let loads = 0;
      const load = async () => `value ${++loads}`;
      expect(await cache.getOrLoad('lesson:b', 60, load)).toBe('value 1');
      expect(await cache.getOrLoad('lesson:b', 60, load)).toBe('value 1');
      expect(await direct.get(`${store.keyPrefix}lesson:b`)).toBe('"value 1"');

      proxy.cut();
      expect(await cache.getOrLoad('lesson:b', 60, load)).toBe('value 2');
      expect(await cache.getOrLoad('lesson:c', 60, load)).toBe('value 3');
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(errors.every((operation) => operation === 'get' || operation === 'set')).toBe(true);
      await expect(cache.invalidatePrefix('lesson:')).resolves.toBeUndefined();

      // Redis comes back on the same address: the client reconnects on its own and the cache is used again.
      proxy.restore();
      await once(store.client, 'ready');
      expect(lines.some((line) => line.msg === 'Redis reconnected')).toBe(true);
      expect(await cache.getOrLoad('lesson:b', 60, load)).toBe('value 1');
      expect(loads).toBe(3);
    } finally {
      await cache.close();
      await direct.del(`${store.keyPrefix}lesson:b`, `${store.keyPrefix}lesson:c`);
      await direct.quit();
      await proxy.close();
    }
  });
});
