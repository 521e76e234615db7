import type { Queryable } from '../db';
import { isUniqueViolation } from '../db';

export interface NewEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface StoredEvent extends NewEvent {
  aggregateId: string;
  version: number;
  metadata: Record<string, unknown>;
  createdAt: Date;
}

/** Another writer appended to the aggregate first: re-read and try again. */
export class VersionConflict extends Error {
  constructor(readonly aggregateId: string) {
    super(`version conflict on ${aggregateId}`);
  }
}

/**
 * Appends events after `expectedVersion` (0 for a new aggregate), numbering them expectedVersion+1, +2 ….
 * The unique (aggregate_id, event_version) index turns a concurrent append into a VersionConflict.
 */
export async function appendEvents(
  tx: Queryable,
  aggregateId: string,
  expectedVersion: number,
  events: readonly NewEvent[],
  metadata: Record<string, unknown>,
): Promise<number> {
  const values: unknown[] = [];
  const rows = events.map((event, index) => {
    values.push(aggregateId, expectedVersion + index + 1, event.type, JSON.stringify(event.payload), JSON.stringify(metadata));
    const p = index * 5;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}::jsonb, $${p + 5}::jsonb)`;
  });
  try {
    await tx.query(`INSERT INTO event_store (aggregate_id, event_version, type, payload, metadata) VALUES ${rows.join(', ')}`, values);
  } catch (error) {
    if (isUniqueViolation(error, 'idx_events_aggregate_version')) throw new VersionConflict(aggregateId);
    throw error;
  }
  return expectedVersion + events.length;
}

export async function readEvents(db: Queryable, aggregateId: string): Promise<StoredEvent[]> {
  const rows = await db.query<{
    aggregate_id: string;
    event_version: number;
    type: string;
    payload: Record<string, unknown>;
    metadata: Record<string, unknown>;
    created_at: Date;
  }>('SELECT aggregate_id, event_version, type, payload, metadata, created_at FROM event_store WHERE aggregate_id = $1 ORDER BY event_version', [
    aggregateId,
  ]);
  return rows.map((row) => ({
    aggregateId: row.aggregate_id,
    version: row.event_version,
    type: row.type,
    payload: row.payload,
    metadata: row.metadata,
    createdAt: row.created_at,
  }));
}
