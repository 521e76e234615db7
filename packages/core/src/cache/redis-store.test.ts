import { describe, expect, it } from 'vitest';
import { describeRedisUrl, escapeGlob, redisOptions } from './redis-store';

describe('RedisStore helpers', () => {
  it('escapes every glob character of a MATCH pattern', () => {
    expect(escapeGlob('a*b?c[d]e\\f:')).toBe('a\\*b\\?c\\[d\\]e\\\\f:');
  });

  it('describes the server without credentials', () => {
    expect(describeRedisUrl('redis://127.0.0.1:6379')).toBe('Redis at 127.0.0.1:6379');
    expect(describeRedisUrl('rediss://default:s3cret@cache.example.com/0')).toBe('Redis at cache.example.com:6379 db 0 (TLS)');
    expect(describeRedisUrl('not a url')).not.toContain('not a url');
  });

  it('uses the playbook timeouts, fails fast while down and backs off to at most 2 s', () => {
    const options = redisOptions();
    expect(options).toMatchObject({ connectTimeout: 2000, commandTimeout: 5000, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    const retry = options.retryStrategy;
    expect([1, 2, 5, 50, 10_000].map((times) => retry?.(times))).toEqual([200, 400, 1000, 2000, 2000]);
  });
});
