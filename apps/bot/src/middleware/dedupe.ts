import type { MiddlewareFn } from 'grammy';
import { claimUpdate, markUpdateHandled, pruneProcessedUpdates, pruneQuizRuns, releaseUpdate } from '@academy/core';
import type { BotContext } from '../context';
import { describeError } from '../describe-error';

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Handles each update_id once across replicas: the claim is a row in bot_processed_updates (PostgreSQL
 * decides between concurrent claims), marked handled afterwards. A failed claim (database down) or an
 * error that escapes the features releases the update and throws, so the webhook answers 500 and
 * Telegram delivers it again later — nothing is lost. A feature's own error is not retried: the error
 * boundary has already told the learner. Once an hour each process also prunes old claims and
 * abandoned quiz runs, on the next update rather than on a timer.
 */
export function dedupeUpdates(botId: number): MiddlewareFn<BotContext> {
  let lastPrunedAt = Date.now();
  return async (ctx, next) => {
    const key = { botId, updateId: ctx.update.update_id };
    if (!(await claimUpdate(ctx.deps.db, key))) {
      ctx.duplicate = true;
      ctx.log.info('redelivered update skipped: already handled');
      return;
    }
    try {
      await next();
    } catch (error) {
      await releaseUpdate(ctx.deps.db, key).catch(() => undefined); // if this fails too, the lease expires
      throw error;
    }
    // Handled: if this write fails, the claim stays a lease, and a redelivery after it expires repeats the update.
    await markUpdateHandled(ctx.deps.db, key).catch((error: unknown) => ctx.log.warn({ err: describeError(error) }, 'could not mark the update handled'));
    if (Date.now() - lastPrunedAt >= PRUNE_EVERY_MS) {
      lastPrunedAt = Date.now();
      try {
        const [updates, runs] = [await pruneProcessedUpdates(ctx.deps.db), await pruneQuizRuns(ctx.deps.db)];
        ctx.log.info({ updates, runs }, 'pruned old update claims and quiz runs');
      } catch (error) {
        ctx.log.warn({ err: describeError(error) }, 'pruning failed; will try again in an hour');
      }
    }
  };
}

/** Telegram's bot id is the number before the colon of the token: update_ids are counted per bot. */
export function botIdFromToken(token: string): number {
  const id = Number(token.split(':')[0]);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error('TELEGRAM_BOT_TOKEN does not start with the bot id');
  return id;
}
