import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from './api/retry';
import { callbackData, callbackPattern } from './callback-data';
import { en } from './i18n/en';
import { ru, ruPlural } from './i18n/ru';
import { botIdFromToken } from './middleware/dedupe';

function shape(value: unknown): unknown {
  if (typeof value === 'function') return `fn/${value.length}`;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]).sort());
  return typeof value;
}

describe('i18n', () => {
  it('has the same keys in English and Russian', () => {
    expect(shape(ru)).toEqual(shape(en));
  });
  it('uses Russian plural forms', () => {
    expect([1, 2, 5, 11, 12, 21, 22, 25, 111].map((n) => ruPlural(n, 'день', 'дня', 'дней'))).toEqual(['день', 'дня', 'дней', 'дней', 'дней', 'день', 'дня', 'дней', 'дней']);
    expect(ru.progressStreak(3, 21)).toBe('Серия: <b>3 дня</b> (рекорд — 21 день)');
  });
});

describe('callback data', () => {
  it('builds what the patterns accept, within 64 bytes', () => {
    expect(callbackPattern.answer.exec(callbackData.answer(12345, 3, 2))?.slice(1)).toEqual(['12345', '3', '2']);
    expect(callbackPattern.lesson.exec(callbackData.lesson('swift-optionals'))?.[1]).toBe('swift-optionals');
    expect(() => callbackData.lesson('x'.repeat(63))).toThrow(/64 bytes/);
  });
  it('rejects malformed or forged data', () => {
    for (const forged of ['a:1:2', 'a:-1:0:0', 'a:01:0:0', 'a:1:0:0:0', 'a:1:100:0', 'l:UPPER', 'l:', 'l:a b', 'lang:de', 'm:admin', 'c:../x']) {
      expect(Object.values(callbackPattern).some((pattern) => pattern.test(forged)), forged).toBe(false);
    }
  });
});

describe('retry policy', () => {
  it('backs off exponentially with jitter, capped', () => {
    const low = (attempt: number) => backoffDelayMs(DEFAULT_RETRY_POLICY, attempt, () => 0);
    const high = (attempt: number) => backoffDelayMs(DEFAULT_RETRY_POLICY, attempt, () => 1);
    expect([1, 2, 3, 4, 5].map(low)).toEqual([250, 500, 1000, 2000, 2500]);
    expect([1, 2, 3, 4, 5].map(high)).toEqual([500, 1000, 2000, 4000, 5000]);
  });
});

describe('botIdFromToken', () => {
  it('reads the bot id before the colon', () => {
    expect(botIdFromToken('123456789:ABC-def')).toBe(123456789);
    expect(() => botIdFromToken('not-a-token')).toThrow();
  });
});
