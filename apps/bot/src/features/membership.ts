import { Composer } from 'grammy';
import { markUserInactive } from '@academy/core';
import type { BotContext } from '../context';

// Telegram tells the bot when a learner blocks it (my_chat_member, status "kicked"): they are marked
// inactive without any message (we could not send one). Unblocking is followed by the learner writing
// to the bot, which registers them as active again.

export const membershipFeature = new Composer<BotContext>();

membershipFeature.on('my_chat_member', async (ctx) => {
  const update = ctx.myChatMember;
  if (update.chat.type !== 'private') return;
  if (update.new_chat_member.status === 'kicked') {
    await markUserInactive(ctx.deps.db, update.chat.id);
    ctx.log.info('the learner has blocked the bot: marked inactive');
  }
});
