import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import { createBot } from './bot';
import type { BotContext, BotDeps } from './context';
import { configureBotProfile } from './profile';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

export interface PollingBot {
  username: string;
  stop(): Promise<void>;
}

/**
 * Long polling, for local use (BOT_MODE=polling; `npm start` with a token). @grammyjs/runner fetches
 * while earlier updates are still handled; sequentialize (in createBot) keeps each chat in order.
 * A wrong token fails here, at start, with Telegram's answer.
 */
export async function startPolling(bot: Bot<BotContext>, deps: Pick<BotDeps, 'logger' | 'config'>): Promise<PollingBot> {
  const logger = deps.logger.child({ component: 'bot' });
  await bot.init();
  // Polling and a webhook exclude each other; the webhook (if any) is removed, its pending updates kept.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  await configureBotProfile(bot.api, deps.config, logger);
  const runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ bot: bot.botInfo.username }, `bot @${bot.botInfo.username} is polling for updates`);
  return {
    username: bot.botInfo.username,
    async stop() {
      if (runner.isRunning()) await runner.stop(); // resolves when running handlers are done
      logger.info('bot polling stopped');
    },
  };
}

/** What `npm start` calls with TELEGRAM_BOT_TOKEN set: the bot, polling, in this process. */
export async function startPollingBot(token: string, deps: BotDeps): Promise<PollingBot> {
  return startPolling(createBot(token, deps), deps);
}
