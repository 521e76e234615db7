import type { Queryable } from '../db';

/**
 * A learner who blocked the bot (Telegram answers 403, or sends my_chat_member "kicked") is marked
 * inactive: nothing is sent to them until they write to the bot again (upsertTelegramUser reactivates).
 * Returns true when the learner was known.
 */
export async function markUserInactive(db: Queryable, telegramId: number): Promise<boolean> {
  const rows = await db.query('UPDATE users SET is_active = false, updated_at = now() WHERE telegram_id = $1 RETURNING id', [telegramId]);
  return rows.length > 0;
}
