// @academy/bot: the Telegram bot. The process (apps/api/src/main.ts) starts it in polling mode; in
// webhook mode the API's POST /telegram/webhook route feeds it updates.
export { createBot } from './bot';
export type { BotContext, BotDeps, BotMetrics } from './context';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './api/retry';
export { startPolling, startPollingBot, ALLOWED_UPDATES, type PollingBot } from './polling';
export { createWebhookHandler, DEFAULT_ACK_AFTER_MS, type WebhookHandler } from './webhook';
export { configureBotProfile } from './profile';
export type { Update as TelegramUpdate } from 'grammy/types';
