import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../telemetry/logger';
import { createCacheFromStore } from './cache';
import { MemoryStore } from './memory-store';
import type { CacheObserver } from './types';

function recordingObserver() {
  const counts = { errors: [] as string[] };
  const observer: CacheObserver = { onError: (operation) => counts.errors.push(operation) };
  return { observer, counts };
}

describe('store failures never fail the caller', () => {
  it('logs a failing set with the key and message, reports it, and still returns the loaded value', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    const store = new MemoryStore();
    store.set = async () => {
      throw new Error('disk full');
    };
    const { observer, counts } = recordingObserver();
    const cache = createCacheFromStore(store, { logger, observer });
    expect(await cache.getOrLoad('lesson:y', 60, async () => 'value')).toBe('value');
    expect(counts.errors).toEqual(['set']);
    expect(lines).toEqual([expect.objectContaining({ level: 40, key: 'lesson:y', err: 'disk full', operation: 'set' })]);
  });

  it('invalidatePrefix swallows and reports a store error', async () => {
    const store = new MemoryStore();
    store.deletePrefix = async () => {
      throw new Error('nope');
    };
    const { observer, counts } = recordingObserver();
    await expect(createCacheFromStore(store, { logger: silentLogger, observer }).invalidatePrefix('x:')).resolves.toBeUndefined();
    expect(counts.errors).toEqual(['invalidate']);
  });
});
