import type { Transformer } from 'grammy';
import { markUserInactive } from '@academy/core';
import type { BotContext } from '../context';

// Installed on each update's ctx.api. Telegram answers 403 when the learner blocked the bot (or deleted
// their account): the learner is marked inactive, and nothing more is sent to that chat while this
// update is handled — a lesson in several parts stops after the first refusal.

export function blockedLearnerGuard(ctx: BotContext): Transformer {
  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown }).chat_id;
    const toThisChat = chatId !== undefined && ctx.chat?.type === 'private' && chatId === ctx.chat.id;
    if (ctx.blocked && toThisChat) {
      return { ok: false, error_code: 403, description: 'Forbidden: not sent, the learner has blocked the bot' };
    }
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 403 && toThisChat) {
      ctx.blocked = true;
      await markUserInactive(ctx.deps.db, ctx.chat!.id);
      ctx.log.info({ method }, 'the learner has blocked the bot: marked inactive, no further messages');
    }
    return result;
  };
}
