import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '@academy/core';
import type { BotContext } from './context';

// How the webhook acknowledges. Telegram's Bot API server sends a chat's next update only after the
// previous one was acknowledged (one update per chat in flight: tdlib/telegram-bot-api, WebhookActor).
// So we answer 200 as soon as the update is handled — not before: that keeps each chat's updates in
// order across replicas, and an update whose replica dies mid-way is delivered again (its claim is a
// lease, see middleware/dedupe.ts). Handling takes a few queries and Bot API calls; should it take
// longer than ackAfterMs (a long 429 wait, say), we answer anyway so that Telegram does not time out
// and resend, and the handling finishes in the background (the route's onClose waits for it).

export const DEFAULT_ACK_AFTER_MS = 5_000;

export interface WebhookHandler {
  /** Resolves when the update may be acknowledged; rejects when it could not be handled (answer 5xx). */
  handle(update: Update): Promise<'handled' | 'acknowledged-early'>;
  /** Waits for handling that outlived its acknowledgement (on shutdown). */
  drain(): Promise<void>;
}

export function createWebhookHandler(bot: Bot<BotContext>, logger: Logger, ackAfterMs = DEFAULT_ACK_AFTER_MS): WebhookHandler {
  const pending = new Set<Promise<unknown>>();
  let initializing: Promise<void> | undefined;
  const init = () => (initializing ??= bot.init().catch((error: unknown) => {
    initializing = undefined; // try getMe again with the next update
    throw error;
  }));

  return {
    async handle(update) {
      await init();
      const handling = bot.handleUpdate(update);
      let timer: NodeJS.Timeout | undefined;
      const early = new Promise<'acknowledged-early'>((resolve) => {
        timer = setTimeout(() => resolve('acknowledged-early'), ackAfterMs);
      });
      try {
        const outcome = await Promise.race([handling.then(() => 'handled' as const), early]);
        if (outcome === 'acknowledged-early') {
          logger.warn({ updateId: update.update_id, ackAfterMs }, 'update still being handled; acknowledged so Telegram does not resend it');
          const tracked = handling.catch((error: unknown) => logger.error({ updateId: update.update_id, err: { message: String(error) } }, 'update failed after acknowledgement'));
          pending.add(tracked);
          void tracked.finally(() => pending.delete(tracked));
        }
        return outcome;
      } finally {
        clearTimeout(timer);
      }
    },
    async drain() {
      await Promise.allSettled([...pending]);
    },
  };
}
