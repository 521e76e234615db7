// Points Telegram at this deployment's webhook (a deploy step for BOT_MODE=webhook):
//   npx tsx apps/bot/src/set-webhook.ts https://academy.example.com/telegram/webhook
// Reads TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, TELEGRAM_API_ROOT and WEB_APP_URL like the server.
import { Api } from 'grammy';
import { createLogger, loadConfigOrExit } from '@academy/core';
import { ALLOWED_UPDATES } from './polling';
import { configureBotProfile } from './profile';

const url = process.argv[2];
const config = loadConfigOrExit();
const logger = createLogger({ level: config.LOG_LEVEL, name: 'set-webhook' });
if (!url?.startsWith('https://') || config.BOT_MODE !== 'webhook' || !config.TELEGRAM_BOT_TOKEN) {
  console.error('usage: BOT_MODE=webhook TELEGRAM_BOT_TOKEN=… TELEGRAM_WEBHOOK_SECRET=… npx tsx apps/bot/src/set-webhook.ts https://<host>/telegram/webhook');
  process.exit(2);
}
const api = new Api(config.TELEGRAM_BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT });
await api.setWebhook(url, { secret_token: config.TELEGRAM_WEBHOOK_SECRET, allowed_updates: [...ALLOWED_UPDATES], max_connections: 40 });
await configureBotProfile(api, config, logger);
const info = await api.getWebhookInfo();
logger.info({ url: info.url, pending: info.pending_update_count, lastError: info.last_error_message }, 'webhook set');
