import { Composer, InlineKeyboard } from 'grammy';
import type { Config } from '@academy/core';
import type { BotContext } from '../context';
import { webAppUrl } from '../keyboards';

// /app: a button that opens the Mini App. Without an HTTPS WEB_APP_URL the command does not exist
// (it falls through to "unhandled") and no menu shows the button.

export function webAppFeature(config: Pick<Config, 'WEB_APP_URL'>): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const url = webAppUrl(config);
  if (!url) return feature;
  feature.command('app', async (ctx) => {
    await ctx.reply(ctx.t.commands.app, { reply_markup: new InlineKeyboard().webApp(ctx.t.buttons.openApp, url) });
  });
  return feature;
}
