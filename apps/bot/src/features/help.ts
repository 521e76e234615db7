import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { mainMenu } from '../keyboards';
import { replyHtml } from '../reply';

export const helpFeature = new Composer<BotContext>();

helpFeature.command('help', async (ctx) => {
  await replyHtml(ctx, ctx.t.help, mainMenu(ctx));
});
