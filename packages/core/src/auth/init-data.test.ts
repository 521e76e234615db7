import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { signInitData, validateInitData } from './init-data';

// Telegram's published example (test/fixtures, copied from shared/fixtures), signed 2022-09-10: validated with the clock at auth_date.
const fixture = JSON.parse(readFileSync(new URL('../../../../test/fixtures/telegram-init-data.json', import.meta.url), 'utf8')) as {
  botToken: string;
  initData: string;
  authDate: number;
  user: { id: number; first_name: string; language_code: string };
};
const atAuthDate = { maxAgeSeconds: 86_400, now: new Date(fixture.authDate * 1000 + 60_000) };

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected validateInitData to refuse');
}

describe('validateInitData', () => {
  it("accepts Telegram's published example and returns its user", () => {
    const result = validateInitData(fixture.initData, fixture.botToken, atAuthDate);
    expect(result.user.id).toBe(fixture.user.id);
    expect(result.user.first_name).toBe('Vladislav');
    expect(result.user.language_code).toBe('ru');
    expect(result.authDate.getTime()).toBe(fixture.authDate * 1000);
  });

  it('refuses a changed field', () => {
    const tampered = fixture.initData.replace('Vladislav', 'Vladimir');
    expect(tampered).not.toBe(fixture.initData);
    const error = refusal(() => validateInitData(tampered, fixture.botToken, atAuthDate));
    expect([error.status, error.code]).toEqual([401, 'init_data_invalid']);
  });

  it('refuses a different bot token', () => {
    const error = refusal(() => validateInitData(fixture.initData, '123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', atAuthDate));
    expect(error.status).toBe(401);
  });

  it('refuses an auth_date older than the maximum age', () => {
    const error = refusal(() => validateInitData(fixture.initData, fixture.botToken, { maxAgeSeconds: 86_400 }));
    expect([error.status, error.code]).toEqual([401, 'init_data_expired']);
  });

  it('refuses a missing hash, a duplicated hash and a missing user', () => {
    const withoutHash = fixture.initData.replace(/&hash=[0-9a-f]+/, '');
    expect(refusal(() => validateInitData(withoutHash, fixture.botToken, atAuthDate)).status).toBe(401);
    const twoHashes = `${fixture.initData}&hash=${'0'.repeat(64)}`;
    expect(refusal(() => validateInitData(twoHashes, fixture.botToken, atAuthDate)).status).toBe(401);
    const noUser = signInitData({ auth_date: String(fixture.authDate) }, fixture.botToken);
    expect(refusal(() => validateInitData(noUser, fixture.botToken, atAuthDate)).code).toBe('init_data_invalid');
  });

  it('accepts what signInitData signs, including fields Telegram adds later (every field but hash is checked)', () => {
    const now = Math.floor(Date.now() / 1000);
    const initData = signInitData(
      { auth_date: String(now), user: JSON.stringify({ id: 42, first_name: 'Ada' }), signature: 'abc', chat_type: 'private' },
      fixture.botToken,
    );
    expect(validateInitData(initData, fixture.botToken, { maxAgeSeconds: 60 }).user.id).toBe(42);
    const withoutExtra = initData.replace('&chat_type=private', '');
    expect(refusal(() => validateInitData(withoutExtra, fixture.botToken, { maxAgeSeconds: 60 })).status).toBe(401);
  });
});
