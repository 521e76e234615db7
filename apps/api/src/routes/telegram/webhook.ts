import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createBot, createWebhookHandler, type TelegramUpdate } from '@academy/bot';
import { secretsEqual, unauthorized } from '@academy/core';
import type { AppDeps } from '../../deps';
import { SECRET_HEADER, telegramUpdate } from './schema';

/**
 * POST /telegram/webhook (BOT_MODE=webhook): Telegram's updates for the bot. The secret header set with
 * setWebhook is compared in constant time before the body is even read; then the update is handled and
 * acknowledged (see apps/bot/src/webhook.ts for when, and why not earlier). Telegram's few addresses
 * carry all learners' traffic, so the per-client rate limit does not apply here.
 */
export const telegramWebhookRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const { config } = deps;
  if (config.BOT_MODE !== 'webhook' || !config.TELEGRAM_BOT_TOKEN) return;
  const secret = config.TELEGRAM_WEBHOOK_SECRET;
  const logger = deps.logger.child({ component: 'telegram-webhook' });
  const bot = createBot(config.TELEGRAM_BOT_TOKEN, { db: deps.db, cache: deps.cache, logger: deps.logger, config, metrics: deps.metrics.bot });
  const webhook = createWebhookHandler(bot, logger);
  app.addHook('onClose', () => webhook.drain());

  app.post(
    '/telegram/webhook',
    {
      config: { rateLimit: false },
      onRequest: async (request) => {
        const received = request.headers[SECRET_HEADER];
        if (typeof received !== 'string' || !secretsEqual(received, secret)) {
          throw unauthorized(`The ${SECRET_HEADER} header is missing or wrong`, 'webhook_secret_invalid');
        }
      },
      schema: {
        tags: ['telegram'],
        summary: 'Telegram Bot API webhook (header X-Telegram-Bot-Api-Secret-Token)',
        description: 'Each update is handled once (update_id is deduplicated across replicas) and acknowledged with 200 when handled.',
        body: telegramUpdate,
      },
    },
    async (request, reply) => {
      await webhook.handle(request.body as unknown as TelegramUpdate);
      return reply.code(200).send();
    },
  );
};
