import { Context } from 'grammy';
import type { Api, RawApi } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Cache, Config, Db, Locale, Logger, User } from '@academy/core';
import type { RetryPolicy } from './api/retry';
import { messages, type Messages } from './i18n';

/** Hooks for metrics; every callback is optional, so the bot runs without any observer. */
export interface BotMetrics {
  updateHandled?(outcome: 'ok' | 'failed' | 'duplicate'): void;
  /** A failed Bot API call: Telegram's error code, or 'network' when no answer came (error or timeout). */
  telegramApiError?(method: string, code: number | 'network'): void;
}

/** What the bot is given: built once by the process (api/main.ts or the webhook route). */
export interface BotDeps {
  db: Db;
  cache: Cache;
  logger: Logger;
  config: Config;
  metrics?: BotMetrics | undefined;
  /** Retry tuning; tests shorten the backoff. */
  retry?: Partial<RetryPolicy> | undefined;
}

/** Per-update state; `learner` is set by the learner middleware before any feature runs. */
export class BotContext extends Context {
  deps!: BotDeps;
  /** A child logger carrying this update's ids (never names or message texts). */
  log!: Logger;
  learner!: User;
  locale: Locale = 'en';
  t: Messages = messages.en;
  /** Set when this update_id was handled before (a redelivery). */
  duplicate = false;
  /** Set when a feature failed and the error boundary answered for it. */
  failed = false;
  /** Set once Telegram answered 403 for this chat: nothing more is sent for this update. */
  blocked = false;

  setLocale(locale: Locale): void {
    this.locale = locale;
    this.t = messages[locale];
  }
}

export function contextFor(deps: BotDeps) {
  return class extends BotContext {
    constructor(update: Update, api: Api<RawApi>, me: UserFromGetMe) {
      super(update, api, me);
      this.deps = deps;
      this.log = deps.logger.child({
        component: 'bot',
        updateId: update.update_id,
        updateType: Object.keys(update).find((key) => key !== 'update_id'),
        chatId: this.chat?.id,
      });
    }
  };
}
