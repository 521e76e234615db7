import { Composer, InlineKeyboard } from 'grammy';
import { LOCALES, setUserLanguage, type Locale } from '@academy/core';
import { callbackData, callbackPattern } from '../callback-data';
import type { BotContext } from '../context';
import { messages } from '../i18n';
import { mainMenu } from '../keyboards';
import { answerButton, editHtml, replyHtml } from '../reply';

// /language (or /language ru): the learner's choice is stored on the user and wins over Telegram's
// language_code from then on.

export const languageFeature = new Composer<BotContext>();

const choices = () => {
  const keyboard = new InlineKeyboard();
  for (const locale of LOCALES) keyboard.text(messages[locale].languageName, callbackData.language(locale));
  return keyboard;
};

async function switchTo(ctx: BotContext, locale: Locale): Promise<void> {
  await setUserLanguage(ctx.deps.db, ctx.learner.id, locale);
  ctx.setLocale(locale);
  ctx.log.info({ locale }, 'learner switched language');
}

languageFeature.command('language', async (ctx) => {
  const wanted = ctx.match.trim().toLowerCase();
  if ((LOCALES as readonly string[]).includes(wanted)) {
    await switchTo(ctx, wanted as Locale);
    await replyHtml(ctx, ctx.t.languageChanged, mainMenu(ctx));
    return;
  }
  await replyHtml(ctx, ctx.t.chooseLanguage, choices());
});

languageFeature.callbackQuery(callbackPattern.menu, async (ctx, next) => {
  if (ctx.match[1] !== 'language') return next();
  await answerButton(ctx);
  await replyHtml(ctx, ctx.t.chooseLanguage, choices());
});

languageFeature.callbackQuery(callbackPattern.language, async (ctx) => {
  await switchTo(ctx, ctx.match[1] as Locale);
  await answerButton(ctx);
  await editHtml(ctx, ctx.t.languageChanged, mainMenu(ctx));
});
