import type { Queryable } from '../db';
import type { Locale } from '../content/types';

export interface User {
  id: number;
  telegramId: number;
  language: Locale;
  firstName: string;
  lastName: string | null;
  username: string | null;
  isActive: boolean;
  createdAt: Date;
  lastActiveAt: Date;
}

export interface TelegramProfile {
  telegramId: number;
  firstName: string;
  lastName?: string | undefined;
  username?: string | undefined;
  /** Telegram's language_code (IETF tag); decides the language of a new learner. */
  languageCode?: string | undefined;
}

interface UserRow {
  id: string | number;
  telegram_id: string | number;
  language: Locale;
  first_name: string;
  last_name: string | null;
  username: string | null;
  is_active: boolean;
  created_at: Date;
  last_active_at: Date;
}

const COLUMNS = 'id, telegram_id, language, first_name, last_name, username, is_active, created_at, last_active_at';

function toUser(row: UserRow): User {
  return {
    id: Number(row.id),
    telegramId: Number(row.telegram_id),
    language: row.language,
    firstName: row.first_name,
    lastName: row.last_name,
    username: row.username,
    isActive: row.is_active,
    createdAt: row.created_at,
    lastActiveAt: row.last_active_at,
  };
}

export function localeFromLanguageCode(code: string | undefined): Locale {
  return code?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/**
 * Registers a learner on first contact and refreshes their profile afterwards, touching last_active_at.
 * The language is chosen once, from Telegram's language_code; a learner's own later choice is kept.
 * A learner who comes back is active again (they may have unblocked the bot).
 */
export async function upsertTelegramUser(db: Queryable, profile: TelegramProfile): Promise<User> {
  const [row] = await db.query<UserRow>(
    `INSERT INTO users (telegram_id, language, first_name, last_name, username)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (telegram_id) DO UPDATE
       SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, username = EXCLUDED.username,
           is_active = true, last_active_at = now(), updated_at = now()
     RETURNING ${COLUMNS}`,
    [profile.telegramId, localeFromLanguageCode(profile.languageCode), profile.firstName, profile.lastName ?? null, profile.username ?? null],
  );
  return toUser(row!);
}

export async function findUserByTelegramId(db: Queryable, telegramId: number): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE telegram_id = $1`, [telegramId]);
  return row && toUser(row);
}

export async function findUserById(db: Queryable, id: number): Promise<User | undefined> {
  const [row] = await db.query<UserRow>(`SELECT ${COLUMNS} FROM users WHERE id = $1`, [id]);
  return row && toUser(row);
}

export async function setUserLanguage(db: Queryable, userId: number, language: Locale): Promise<void> {
  await db.query('UPDATE users SET language = $2, updated_at = now() WHERE id = $1', [userId, language]);
}
