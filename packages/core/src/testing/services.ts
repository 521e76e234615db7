import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';

// The real services tests talk to. Under CI=true a missing service fails the suite; elsewhere the
// suite is skipped with a message that says what to start.

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const IN_CI = process.env.CI === 'true';

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || defaultPort), hostname, () => done(true));
  });
}

const HINTS = {
  postgres: `PostgreSQL is not reachable at ${TEST_DATABASE_URL}: start it with \`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\` (or set TEST_DATABASE_URL)`,
  redis: `Redis is not reachable at ${TEST_REDIS_URL}: start it with \`redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no\` (or set TEST_REDIS_URL)`,
} as const;

/**
 * True when the service is missing and the suite should be skipped. Under CI=true it throws instead,
 * so a missing service fails the run rather than silently skipping it.
 */
export async function skipWithout(service: keyof typeof HINTS): Promise<boolean> {
  const ok = service === 'postgres' ? await reachable(TEST_DATABASE_URL, 5432) : await reachable(TEST_REDIS_URL, 6379);
  if (ok) return false;
  if (IN_CI) throw new Error(`CI=true and ${HINTS[service]}`);
  console.warn(`skipping: ${HINTS[service]}`);
  return true;
}

/** A Redis key prefix no other test run uses (Redis is shared by every test file). */
export function uniqueTestPrefix(): string {
  return `test:${randomUUID()}:`;
}
