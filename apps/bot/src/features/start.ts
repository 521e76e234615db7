import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { mainMenu } from '../keyboards';
import { replyHtml } from '../reply';

// /start: the learner is registered by the learner middleware (language from Telegram's language_code);
// here we greet them in that language and show the main menu.

export const startFeature = new Composer<BotContext>();

startFeature.command('start', async (ctx) => {
  ctx.log.info('learner started the bot');
  await replyHtml(ctx, ctx.t.greeting(ctx.learner.firstName), mainMenu(ctx));
});
