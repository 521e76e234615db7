import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academyEnv, signIn, startAcademy } from './support/academy-process';
import { createPostgresDatabase, FIXTURE_LESSON_ID, fixtureAnswers, skipWithout, TcpProxy, TEST_DATABASE_URL } from '@academy/core/testing';

// The real process, started as Kubernetes would start it, receives SIGTERM while requests are in flight:
// every one of them completes, readiness is off, and the process exits 0.
const skipPostgres = await skipWithout('postgres');
describe.skipIf(skipPostgres)('SIGTERM with requests in flight', () => {
  let proxy: TcpProxy;
  let drop: () => Promise<void>;
  let academy: Awaited<ReturnType<typeof startAcademy>>;
  beforeAll(async () => {
    const created = await createPostgresDatabase();
    drop = created.drop;
    const target = new URL(TEST_DATABASE_URL);
    proxy = await TcpProxy.start(target.hostname, Number(target.port || 5432));
    academy = await startAcademy(academyEnv({ DATABASE_URL: proxy.url(created.url) }));
  }, 60_000);
  afterAll(async () => {
    academy?.child.kill('SIGKILL');
    await proxy?.close();
    await drop?.();
  });

  it('finishes all 20 in-flight attempts, refuses readiness, and exits 0', async () => {
    // Twenty learners, so the attempts run side by side rather than queueing behind one another.
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(academy.url, 7000 + i)));

    proxy.delayMs = 150; // every database round trip now takes a while: the attempts are still running at SIGTERM
    const inFlight = Array.from({ length: 20 }, (_, i) =>
      fetch(`${academy.url}/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i]}` },
        body: JSON.stringify({ answers: fixtureAnswers((i % 5) as 0 | 1 | 2 | 3 | 4) }),
        signal: AbortSignal.timeout(40_000),
      }).then((response) => response.status),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    academy.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = await fetch(`${academy.url}/ready`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 'refused' as const,
    );
    expect([503, 'refused']).toContain(ready);

    expect(await Promise.all(inFlight)).toEqual(Array(20).fill(201));
    expect(await academy.exited).toBe(0);
    // It drained rather than giving up at the 25 s deadline.
    expect(academy.output()).toContain('shutdown complete');
    expect(academy.output()).not.toContain('closing anyway');
  }, 60_000);
});
