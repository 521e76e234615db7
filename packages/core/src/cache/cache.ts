import type { Logger } from '../telemetry/logger';
import { SingleFlight } from './single-flight';
import type { Cache, CacheObserver, CacheStore } from './types';

export interface CacheOptions {
  logger: Logger;
  observer?: CacheObserver | undefined;
}

/** The part of a key before its first ':' ("lesson" for "lesson:swift-optionals:en"), for metrics labels. */
export function namespaceOf(key: string): string {
  const colon = key.indexOf(':');
  return colon === -1 ? key : key.slice(0, colon);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Cache-aside with single-flight on top of a raw store; store failures degrade to loading from the source. */
export function createCacheFromStore(store: CacheStore, options: CacheOptions): Cache {
  const { logger, observer } = options;
  const flights = new SingleFlight();

  const storeFailed = (operation: string, key: string, error: unknown): void => {
    logger.warn({ operation, key, err: messageOf(error) }, `cache ${operation} failed; using the source`);
    observer?.onError?.(operation, error);
  };

  const lookup = async <T>(key: string): Promise<{ ok: true; value: T | undefined } | { ok: false }> => {
    let raw: string | undefined;
    try {
      raw = await store.get(key);
    } catch (error) {
      storeFailed('get', key, error);
      return { ok: false };
    }
    if (raw === undefined) return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(raw) as T };
    } catch (error) {
      // A value that is not JSON (written by something else): treat it as a miss, so it gets overwritten.
      storeFailed('parse', key, error);
      return { ok: true, value: undefined };
    }
  };

  const loadAndStore = async <T>(key: string, ttlSeconds: number, load: () => Promise<T | undefined>): Promise<T | undefined> => {
    const cached = await lookup<T>(key);
    if (cached.ok && cached.value !== undefined) {
      observer?.onHit?.(namespaceOf(key));
      return cached.value;
    }
    if (cached.ok) observer?.onMiss?.(namespaceOf(key));
    const value = await load();
    // After a failed read the store is most likely down: skip the write rather than fail (and log) twice.
    if (value === undefined || !cached.ok) return value;
    try {
      const json = JSON.stringify(value);
      if (json !== undefined) await store.set(key, json, ttlSeconds);
    } catch (error) {
      storeFailed('set', key, error);
    }
    return value;
  };

  return {
    store,
    getOrLoad<T>(key: string, ttlSeconds: number, load: () => Promise<T | undefined>): Promise<T | undefined> {
      return flights.run(key, () => loadAndStore(key, ttlSeconds, load));
    },
    async invalidatePrefix(prefix: string): Promise<void> {
      try {
        const deleted = await store.deletePrefix(prefix);
        logger.debug({ prefix, deleted }, 'cache invalidated');
      } catch (error) {
        logger.warn({ operation: 'invalidate', prefix, err: messageOf(error) }, 'cache invalidation failed');
        observer?.onError?.('invalidate', error);
      }
    },
    close(): Promise<void> {
      return store.close();
    },
  };
}
