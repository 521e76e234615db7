import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, validateInitData } from '@academy/core';
import type { AppDeps } from '../../deps';
import { session, telegramSignIn } from './schema';
import { startSession } from './start-session';

export const authRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/api/v1/auth/telegram',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange Mini App initData for a session token',
        description: 'Validates initData as Telegram specifies (HMAC-SHA-256 with the WebAppData key) and registers the learner.',
        body: telegramSignIn,
        response: { 200: session },
      },
    },
    async (request) => {
      const botToken = deps.config.TELEGRAM_BOT_TOKEN;
      if (!botToken) throw new AppError('telegram_not_configured', 503, 'TELEGRAM_BOT_TOKEN is not set on this server, so initData cannot be verified');
      const { user: telegramUser } = validateInitData(request.body.initData, botToken, { maxAgeSeconds: deps.config.INIT_DATA_MAX_AGE_SECONDS });
      return startSession(deps, {
        telegramId: telegramUser.id,
        firstName: telegramUser.first_name,
        lastName: telegramUser.last_name,
        username: telegramUser.username,
        languageCode: telegramUser.language_code,
      });
    },
  );
};
