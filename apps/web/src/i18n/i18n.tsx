import { createContext, useContext, type ReactNode } from 'react';
import { LOCALES, MESSAGES, type Locale, type Messages } from './messages';

export { LOCALES, type Locale, type Messages } from './messages';

const STORAGE_KEY = 'academy.locale';

/** A language tag (ru, ru-RU, en-GB, …) → one of ours, or undefined for anything else. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : undefined;
}

/**
 * The language to show: the learner's own choice in this app wins, then the language the academy has for
 * them (from sign-in), then Telegram's language_code, then the browser's; English when none is ours.
 */
export function chooseLocale(candidates: {
  stored?: string | null | undefined;
  account?: string | null | undefined;
  telegram?: string | null | undefined;
  browser?: readonly string[] | undefined;
}): Locale {
  const ordered = [candidates.stored, candidates.account, candidates.telegram, ...(candidates.browser ?? [])];
  for (const tag of ordered) {
    const locale = localeOf(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** localStorage can be missing or throw (private modes, some webviews): a lost preference is harmless. */
export const storedLocale = {
  read(): string | null {
    try {
      return window.localStorage.getItem(STORAGE_KEY);
    } catch {
      return null;
    }
  },
  write(locale: Locale): void {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // ignore
    }
  },
};

interface I18n {
  locale: Locale;
  t: Messages;
  setLocale(locale: Locale): void;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: MESSAGES.en, setLocale: () => undefined });

export function I18nProvider(props: { locale: Locale; setLocale(locale: Locale): void; children: ReactNode }) {
  return (
    <I18nContext.Provider value={{ locale: props.locale, t: MESSAGES[props.locale], setLocale: props.setLocale }}>
      {props.children}
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
