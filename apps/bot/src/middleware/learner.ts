import type { MiddlewareFn } from 'grammy';
import { upsertTelegramUser } from '@academy/core';
import type { BotContext } from '../context';

/**
 * The learner behind the update, registered on first contact (language from Telegram's language_code,
 * later the learner's own choice). The bot works in private chats only: anything else stops here.
 */
export const identifyLearner: MiddlewareFn<BotContext> = async (ctx, next) => {
  const from = ctx.from;
  if (!from || from.is_bot || ctx.chat?.type !== 'private') {
    ctx.log.debug('ignored: not from a learner in a private chat');
    return;
  }
  ctx.learner = await upsertTelegramUser(ctx.deps.db, {
    telegramId: from.id,
    firstName: from.first_name,
    lastName: from.last_name,
    username: from.username,
    languageCode: from.language_code,
  });
  ctx.setLocale(ctx.learner.language);
  ctx.log = ctx.log.child({ learnerId: ctx.learner.id });
  await next();
};
