import { describe, expect, it } from 'vitest';
import { chooseLocale, localeOf } from './i18n';
import { en, ru, ruPlural } from './messages';

describe('choosing the language', () => {
  it('maps language tags to ours, and nothing else', () => {
    expect(localeOf('ru')).toBe('ru');
    expect(localeOf('ru-RU')).toBe('ru');
    expect(localeOf('EN_gb')).toBe('en');
    expect(localeOf('uk')).toBeUndefined();
    expect(localeOf('')).toBeUndefined();
    expect(localeOf(undefined)).toBeUndefined();
  });

  it('prefers the learner’s choice, then the account, then Telegram, then the browser; else English', () => {
    expect(chooseLocale({ stored: 'en', account: 'ru', telegram: 'ru', browser: ['ru'] })).toBe('en');
    expect(chooseLocale({ stored: null, account: 'ru', telegram: 'en' })).toBe('ru');
    expect(chooseLocale({ telegram: 'ru-RU', browser: ['en-US'] })).toBe('ru');
    expect(chooseLocale({ telegram: 'de', browser: ['fr-FR', 'ru'] })).toBe('ru');
    expect(chooseLocale({ telegram: 'de', browser: ['fr-FR'] })).toBe('en');
    expect(chooseLocale({})).toBe('en');
  });
});

describe('messages', () => {
  it('uses Russian plural forms', () => {
    const forms = [1, 2, 5, 11, 12, 21, 22, 25, 101, 111].map((n) => ruPlural(n, 'урок', 'урока', 'уроков'));
    expect(forms).toEqual(['урок', 'урока', 'уроков', 'уроков', 'уроков', 'урок', 'урока', 'уроков', 'урок', 'уроков']);
    expect(ru.courses.lessons(3)).toBe('3 урока');
    expect(ru.progress.days(1)).toBe('1 день');
    expect(en.courses.lessons(1)).toBe('1 lesson');
    expect(en.progress.attempts(2)).toBe('2 attempts');
  });

  it('has every string in both languages, and they differ where words are involved', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, inner]) => (inner && typeof inner === 'object' ? keys(inner, `${prefix}${key}.`) : [`${prefix}${key}`]));
    expect(keys(ru)).toEqual(keys(en));
    expect(ru.lesson.check).not.toBe(en.lesson.check);
    expect(ru.courses.level('beginner')).toBe('Начальный');
    expect(en.courses.level('expert')).toBe('expert');
  });
});
