// Test helper (not exported from the package): where the test Redis is, and whether Redis tests run.
import { Redis } from 'ioredis';
import { describeRedisUrl } from './redis-store';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One PING with short timeouts and no retries. */
export async function isRedisReachable(url: string = TEST_REDIS_URL): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, commandTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * True when the test Redis answers. When it does not: throws if CI=true (Redis tests must not be skipped there),
 * otherwise prints how to start one and returns false so the caller can `describe.skipIf(!available)`.
 */
export async function testRedisAvailable(): Promise<boolean> {
  if (await isRedisReachable()) return true;
  const where = describeRedisUrl(TEST_REDIS_URL);
  if (process.env.CI === 'true') {
    throw new Error(`${where} is not reachable and CI=true: Redis tests must run in CI. Start redis-server or set TEST_REDIS_URL.`);
  }
  process.stderr.write(
    `Skipping Redis tests: ${where} is not reachable. Install and start redis-server ` +
      `(redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no) or set TEST_REDIS_URL.\n`,
  );
  return false;
}

/** A key prefix no other test run uses. */
export function uniqueTestPrefix(): string {
  return `test:${crypto.randomUUID()}:`;
}
