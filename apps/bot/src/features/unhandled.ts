import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { replyHtml } from '../reply';

// Last in the chain: whatever no feature took. A button nobody handles is stale (an old message) or
// forged: answer it politely so the spinner stops. A message we do not understand points to /help.

export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', async (ctx) => {
  ctx.log.info('stale or unknown button');
  await ctx.answerCallbackQuery({ text: ctx.t.staleButton });
});

unhandledFeature.on('message', async (ctx) => {
  await replyHtml(ctx, ctx.t.fallback);
});
