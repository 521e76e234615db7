import { GrammyError, type InlineKeyboard } from 'grammy';
import type { BotContext } from './context';

// Small helpers every feature uses to answer in Telegram HTML.

export function replyHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard) {
  return ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
}

/**
 * Replaces the message the tapped button belongs to. Telegram answers 400 "message is not modified"
 * when a second tap asks for the same content: that is not an error for the learner.
 */
export async function editHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 400 && error.description.includes('message is not modified')) return;
    throw error;
  }
}

/** Stops the button's spinner; with text, shows it as a short notice. */
export async function answerButton(ctx: BotContext, text?: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery(text ? { text } : undefined);
}
