import type { Api } from 'grammy';
import { LOCALES, type Config, type Logger } from '@academy/core';
import { messages } from './i18n';
import { webAppUrl } from './keyboards';

/**
 * The command list in each language (Telegram shows it by the learner's app language) and, when the
 * Mini App has an HTTPS address, the chat's menu button opening it. Run at polling start and by
 * `set-webhook`; failures are logged, never fatal — the bot works without them.
 */
export async function configureBotProfile(api: Api, config: Pick<Config, 'WEB_APP_URL'>, logger: Logger): Promise<void> {
  try {
    for (const locale of LOCALES) {
      const { commands } = messages[locale];
      const list = (['start', 'courses', 'progress', 'language', 'help'] as const).map((command) => ({ command, description: commands[command] }));
      if (webAppUrl(config)) list.push({ command: 'app' as never, description: commands.app });
      await api.setMyCommands(list, locale === 'en' ? {} : { language_code: locale });
    }
    const url = webAppUrl(config);
    if (url) await api.setChatMenuButton({ menu_button: { type: 'web_app', text: messages.en.buttons.openApp, web_app: { url } } });
    else if (config.WEB_APP_URL) logger.warn('WEB_APP_URL is not https://: Telegram opens Mini Apps only over HTTPS, so the bot shows no app button');
  } catch (error) {
    logger.warn({ err: { message: (error as Error).message } }, 'could not set the bot commands or menu button');
  }
}
