import type { Update } from 'grammy/types';
import { call, startTestApp, type CallResult, type TestApp, type TestAppOptions } from '../../../api/src/test/harness';
import type { FakeBotApi, RecordedCall } from './fake-bot-api';

// The real academy app (startTestApp) in BOT_MODE=webhook, pointed at a fake Bot API: tests post real
// Update JSON to POST /telegram/webhook and read what the bot sent.

export const WEBHOOK_SECRET = 'webhook-secret-for-tests-0123456789_abc';
export const WEB_APP_URL = 'https://academy.example/app';

export interface BotTestApp extends TestApp {
  /** Posts one update with the right secret (or the given headers); returns the HTTP result. */
  post(update: Update, headers?: Record<string, string>): Promise<CallResult>;
}

export async function startBotTestApp(api: FakeBotApi, options: Omit<TestAppOptions, 'env'> & { env?: Record<string, string> }): Promise<BotTestApp> {
  const app = await startTestApp({
    ...options,
    env: { BOT_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET, TELEGRAM_API_ROOT: api.url, WEB_APP_URL, ...options.env },
  });
  return {
    ...app,
    post: (update, headers = { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }) => call(app.url, 'POST', '/telegram/webhook', { body: update, headers }),
  };
}

/** What the bot said: sendMessage and editMessageText calls to one chat, in order. */
export function sentTo(api: FakeBotApi, chatId: number): RecordedCall[] {
  return api.calls.filter((c) => (c.method === 'sendMessage' || c.method === 'editMessageText') && c.payload.chat_id === chatId);
}

/** Every callback_data of an inline keyboard in a recorded call. */
export function buttonsOf(sent: RecordedCall | undefined): { text: string; callback_data?: string; web_app?: { url: string } }[] {
  const markup = sent?.payload.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
}

/** The calls the bot made while handling updates (housekeeping like getMe left out). */
export function conversationCalls(api: FakeBotApi): RecordedCall[] {
  return api.calls.filter((c) => c.method !== 'getMe');
}
