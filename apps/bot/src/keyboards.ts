import { InlineKeyboard } from 'grammy';
import type { Config } from '@academy/core';
import { callbackData } from './callback-data';
import type { BotContext } from './context';

/**
 * The Mini App's address for web_app buttons, or undefined to hide them: unset, or not HTTPS —
 * Telegram refuses web_app buttons with http:// addresses, and would refuse the whole message.
 */
export function webAppUrl(config: Pick<Config, 'WEB_APP_URL'>): string | undefined {
  return config.WEB_APP_URL?.startsWith('https:') ? config.WEB_APP_URL : undefined;
}

/** Adds an "open the app" row when the Mini App is configured. */
export function withWebApp(keyboard: InlineKeyboard, ctx: BotContext, label = ctx.t.buttons.openApp): InlineKeyboard {
  const url = webAppUrl(ctx.deps.config);
  return url ? keyboard.row().webApp(label, url) : keyboard;
}

/** Courses, progress, language — and the Mini App. */
export function mainMenu(ctx: BotContext): InlineKeyboard {
  const keyboard = new InlineKeyboard()
    .text(ctx.t.buttons.courses, callbackData.menu('courses'))
    .row()
    .text(ctx.t.buttons.progress, callbackData.menu('progress'))
    .text(ctx.t.buttons.language, callbackData.menu('language'));
  return withWebApp(keyboard, ctx);
}
