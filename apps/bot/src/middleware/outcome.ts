import type { MiddlewareFn } from 'grammy';
import type { BotContext, BotMetrics } from '../context';
import { describeError } from '../describe-error';

/** Outermost: counts every update once — handled, failed (answered by the error boundary or not), or a redelivery. */
export function recordOutcome(metrics: BotMetrics | undefined): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } catch (error) {
      metrics?.updateHandled?.('failed');
      ctx.log.error({ err: describeError(error), durationMs: Math.round(performance.now() - started) }, 'update not handled');
      throw error;
    }
    const outcome = ctx.duplicate ? 'duplicate' : ctx.failed ? 'failed' : 'ok';
    metrics?.updateHandled?.(outcome);
    ctx.log.debug({ outcome, durationMs: Math.round(performance.now() - started) }, 'update handled');
  };
}
