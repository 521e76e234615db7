import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../telemetry/logger';
import { assertTtl, type CacheStore } from './types';

export interface RedisStoreOptions {
  url: string;
  /** Prepended to every key (and to the SCAN pattern). Default 'academy:'. */
  keyPrefix?: string;
  logger: Logger;
}

export const DEFAULT_KEY_PREFIX = 'academy:';
const SCAN_BATCH = 1000;

/** The playbook's timeouts, plus fail-fast behaviour while Redis is down (no offline queue, one retry). */
export function redisOptions(): RedisOptions {
  return {
    connectTimeout: 2000,
    commandTimeout: 5000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Reconnect forever, backing off to at most 2 s between attempts.
    retryStrategy: (times: number) => Math.min(times * 200, 2000),
  };
}

/** Escapes the glob characters of Redis MATCH patterns, so a prefix is matched literally. */
export function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/** "Redis at host:port" (database and TLS when set); never the user name or password. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const db = parsed.pathname.length > 1 ? ` db ${parsed.pathname.slice(1)}` : '';
    const tls = parsed.protocol === 'rediss:' ? ' (TLS)' : '';
    return `Redis at ${parsed.hostname}:${parsed.port || '6379'}${db}${tls}`;
  } catch {
    return 'Redis (unparsable URL)';
  }
}

export class RedisStore implements CacheStore {
  readonly kind = 'redis' as const;
  /** The ioredis client; shared with other Redis users (the rate limiter). */
  readonly client: Redis;
  readonly keyPrefix: string;
  private readonly description: string;
  /** Settles on the first connection outcome, so commands sent right after start-up wait for it (at most connectTimeout). */
  private readonly firstConnection: Promise<void>;
  private inOutage = false;

  constructor(options: RedisStoreOptions) {
    this.keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX;
    this.description = describeRedisUrl(options.url);
    const logger = options.logger;
    this.client = new Redis(options.url, redisOptions());
    this.firstConnection = new Promise<void>((resolve) => {
      const events = ['ready', 'error', 'close', 'end'] as const;
      const settle = (): void => {
        for (const event of events) this.client.off(event, settle);
        resolve();
      };
      for (const event of events) this.client.on(event, settle);
    });
    // Without an 'error' listener ioredis logs every failed retry; this logs once per outage.
    this.client.on('error', (error: Error) => {
      if (this.inOutage) return;
      this.inOutage = true;
      logger.warn({ redis: this.description, err: error.message }, 'Redis unavailable; the cache falls back to the source until it reconnects');
    });
    this.client.on('ready', () => {
      if (!this.inOutage) return;
      this.inOutage = false;
      logger.info({ redis: this.description }, 'Redis reconnected');
    });
  }

  /** Resolves once the first connection attempt has settled (ready or failed). Until the client is ready, commands
   *  sent straight to `client` fail at once (no offline queue), so other users of `client` may await this first. */
  whenFirstConnectionSettled(): Promise<void> {
    return this.firstConnection;
  }

  async get(key: string): Promise<string | undefined> {
    await this.firstConnection;
    const value = await this.client.get(this.keyPrefix + key);
    return value ?? undefined;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    assertTtl(ttlSeconds);
    await this.firstConnection;
    await this.client.set(this.keyPrefix + key, value, 'EX', Math.ceil(ttlSeconds));
  }

  async deletePrefix(prefix: string): Promise<number> {
    const full = this.keyPrefix + prefix;
    if (full === '') throw new Error('refusing to delete every key of the Redis database (empty key prefix)');
    await this.firstConnection;
    const match = `${escapeGlob(full)}*`;
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.client.scan(cursor, 'MATCH', match, 'COUNT', SCAN_BATCH);
      cursor = next;
      if (keys.length > 0) deleted += await this.client.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }

  async ping(): Promise<void> {
    await this.firstConnection;
    await this.client.ping();
  }

  async close(): Promise<void> {
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // fall through: drop the connection instead
      }
    }
    this.client.disconnect();
  }

  describe(): string {
    return this.description;
  }
}
