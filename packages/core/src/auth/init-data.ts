import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { unauthorized } from '../errors';

// Validates Telegram Mini App initData exactly as Telegram specifies
// (core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app):
//   secret_key = HMAC_SHA256(key = "WebAppData", message = bot_token)
//   hash       = hex(HMAC_SHA256(key = secret_key, message = data_check_string))
// where data_check_string is every received field except `hash`, as key=value, sorted by key, joined by "\n".

const telegramUser = z.object({
  id: z.number().int().positive(),
  first_name: z.string().default(''),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
  is_premium: z.boolean().optional(),
  photo_url: z.string().optional(),
});
export type TelegramUser = z.infer<typeof telegramUser>;

export interface ValidatedInitData {
  user: TelegramUser;
  authDate: Date;
  queryId: string | undefined;
}

export function webAppSecretKey(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

export function dataCheckString(params: URLSearchParams): string {
  return [...params.entries()]
    .filter(([key]) => key !== 'hash')
    .map(([key, value]) => `${key}=${value}`)
    .sort()
    .join('\n');
}

/** Signs fields the way Telegram does; tests and the dev sign-in use it to build valid initData. */
export function signInitData(fields: Record<string, string>, botToken: string): string {
  const params = new URLSearchParams(fields);
  const hash = createHmac('sha256', webAppSecretKey(botToken)).update(dataCheckString(params)).digest('hex');
  params.set('hash', hash);
  return params.toString();
}

export function validateInitData(
  initData: string,
  botToken: string,
  options: { maxAgeSeconds: number; now?: Date },
): ValidatedInitData {
  const params = new URLSearchParams(initData);
  const hash = params.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) throw unauthorized('initData has no valid hash', 'init_data_invalid');
  if (params.getAll('hash').length > 1) throw unauthorized('initData has more than one hash', 'init_data_invalid');

  const expected = createHmac('sha256', webAppSecretKey(botToken)).update(dataCheckString(params)).digest();
  const received = Buffer.from(hash, 'hex');
  if (!timingSafeEqual(expected, received)) throw unauthorized('initData signature does not match', 'init_data_invalid');

  const authDateSeconds = Number(params.get('auth_date'));
  if (!Number.isInteger(authDateSeconds) || authDateSeconds <= 0) throw unauthorized('initData has no auth_date', 'init_data_invalid');
  const now = options.now ?? new Date();
  const ageSeconds = now.getTime() / 1000 - authDateSeconds;
  if (ageSeconds > options.maxAgeSeconds) throw unauthorized('initData has expired; reopen the Mini App', 'init_data_expired');
  if (ageSeconds < -300) throw unauthorized('initData auth_date is in the future', 'init_data_invalid');

  let user: TelegramUser;
  try {
    user = telegramUser.parse(JSON.parse(params.get('user') ?? ''));
  } catch {
    throw unauthorized('initData has no valid user', 'init_data_invalid');
  }
  return { user, authDate: new Date(authDateSeconds * 1000), queryId: params.get('query_id') ?? undefined };
}
