import type { Queryable } from '../db';

// At-least-once delivery from Telegram, handled once here: an update is handled by the process whose
// claim won (see migrations/0003_bot.sql). The claim is a lease: marked handled when done, released
// when handling failed outright (so Telegram's redelivery is handled), taken over when it is older than
// the lease and was never marked handled (its process died).

export const PROCESSED_UPDATE_RETENTION_HOURS = 48;
/** Longer than any handling (a webhook acknowledges within seconds), shorter than a restart loop. */
export const UPDATE_CLAIM_LEASE_SECONDS = 30;

export interface UpdateKey {
  botId: number;
  updateId: number;
}

/** True when this call claimed the update (first sight, or a dead claim taken over); false for a redelivery. */
export async function claimUpdate(db: Queryable, key: UpdateKey, leaseSeconds = UPDATE_CLAIM_LEASE_SECONDS): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO bot_processed_updates AS claim (bot_id, update_id) VALUES ($1, $2)
     ON CONFLICT (bot_id, update_id) DO UPDATE SET received_at = now()
       WHERE claim.handled_at IS NULL AND claim.received_at < now() - make_interval(secs => $3::int)
     RETURNING update_id`,
    [key.botId, key.updateId, leaseSeconds],
  );
  return rows.length === 1;
}

export async function markUpdateHandled(db: Queryable, key: UpdateKey): Promise<void> {
  await db.query('UPDATE bot_processed_updates SET handled_at = now() WHERE bot_id = $1 AND update_id = $2', [key.botId, key.updateId]);
}

/** Gives the update back: its redelivery will be handled. */
export async function releaseUpdate(db: Queryable, key: UpdateKey): Promise<void> {
  await db.query('DELETE FROM bot_processed_updates WHERE bot_id = $1 AND update_id = $2 AND handled_at IS NULL', [key.botId, key.updateId]);
}

/** Forgets claims older than the retention; returns how many were removed. */
export async function pruneProcessedUpdates(db: Queryable, retentionHours = PROCESSED_UPDATE_RETENTION_HOURS): Promise<number> {
  const rows = await db.query(
    `DELETE FROM bot_processed_updates WHERE received_at < now() - make_interval(hours => $1::int) RETURNING update_id`,
    [retentionHours],
  );
  return rows.length;
}
