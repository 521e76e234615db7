import type { Logger } from '@academy/core';

export const DRAIN_TIMEOUT_MS = 25_000;

/**
 * SIGTERM/SIGINT, handled once: readiness turns 503 at once (so the load balancer stops sending),
 * in-flight requests finish (up to 25 s), then pools and clients close and the process exits 0.
 */
export function onShutdownSignal(logger: Logger, steps: { stopAccepting(): void; drain(): Promise<void>; close(): Promise<void> }): void {
  let started = false;
  const shutdown = async (signal: string) => {
    if (started) return;
    started = true;
    logger.info({ signal }, 'shutting down: readiness off, draining in-flight requests');
    steps.stopAccepting();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), DRAIN_TIMEOUT_MS);
    });
    const outcome = await Promise.race([steps.drain().then(() => 'drained' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') logger.warn(`requests still running after ${DRAIN_TIMEOUT_MS} ms; closing anyway`);
    await steps.close();
    logger.info('shutdown complete');
    logger.flush?.();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
