import type { Queryable } from '../db/types';

// Alertmanager notifications recorded as incidents (see migration 0004_incidents.sql for the model).

export type AlertStatus = 'firing' | 'resolved';

/** One alert of an Alertmanager webhook notification (payload version 4), as the domain needs it. */
export interface AlertNotice {
  fingerprint: string;
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: Date;
  /** Alertmanager sends 0001-01-01 for an alert still firing: only meaningful when resolved. */
  endsAt: Date | undefined;
  generatorURL: string | undefined;
}

export interface Incident {
  id: number;
  fingerprint: string;
  alertname: string;
  severity: string;
  status: AlertStatus;
  summary: string;
  labels: Record<string, string>;
  startedAt: Date;
  resolvedAt: Date | null;
}

export interface RecordAlertsResult {
  /** Episodes seen for the first time. */
  created: number;
  /** Known episodes that changed (firing → resolved, new annotations). */
  updated: number;
  /** Redeliveries that changed nothing. */
  unchanged: number;
}

// A resolved episode stays resolved: a late or repeated "firing" delivery for it changes nothing.
// The WHERE skips no-op updates, so a redelivery returns no row and counts as unchanged.
const UPSERT = `
INSERT INTO incidents (fingerprint, alertname, severity, status, summary, labels, annotations, generator_url, started_at, resolved_at)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9, $10)
ON CONFLICT ON CONSTRAINT incidents_episode DO UPDATE SET
  status      = CASE WHEN incidents.status = 'resolved' THEN 'resolved' ELSE EXCLUDED.status END,
  resolved_at = COALESCE(incidents.resolved_at, EXCLUDED.resolved_at),
  summary     = CASE WHEN incidents.status = 'resolved' THEN incidents.summary ELSE EXCLUDED.summary END,
  annotations = CASE WHEN incidents.status = 'resolved' THEN incidents.annotations ELSE EXCLUDED.annotations END,
  updated_at  = now()
WHERE (incidents.status = 'firing' AND EXCLUDED.status = 'resolved')
   OR (incidents.status = 'firing' AND incidents.annotations IS DISTINCT FROM EXCLUDED.annotations)
RETURNING (xmax = 0) AS inserted`;

/** Records every alert of one notification; idempotent, so Alertmanager may redeliver freely. */
export async function recordAlerts(db: Queryable, alerts: readonly AlertNotice[]): Promise<RecordAlertsResult> {
  const result: RecordAlertsResult = { created: 0, updated: 0, unchanged: 0 };
  for (const alert of alerts) {
    const resolvedAt = alert.status === 'resolved' ? (alert.endsAt ?? new Date()) : null;
    const rows = await db.query<{ inserted: boolean }>(UPSERT, [
      alert.fingerprint,
      alert.labels.alertname ?? 'unnamed',
      alert.labels.severity ?? 'none',
      alert.status,
      alert.annotations.summary ?? '',
      JSON.stringify(alert.labels),
      JSON.stringify(alert.annotations),
      alert.generatorURL ?? null,
      alert.startsAt,
      resolvedAt,
    ]);
    const row = rows[0];
    if (!row) result.unchanged += 1;
    else if (row.inserted) result.created += 1;
    else result.updated += 1;
  }
  return result;
}

interface IncidentRow {
  id: string | number;
  fingerprint: string;
  alertname: string;
  severity: string;
  status: AlertStatus;
  summary: string;
  labels: Record<string, string>;
  started_at: Date | string;
  resolved_at: Date | string | null;
}

/** Incidents that started at or after `since`, newest first. */
export async function listIncidents(db: Queryable, options: { since?: Date; limit?: number } = {}): Promise<Incident[]> {
  const rows = await db.query<IncidentRow>(
    `SELECT id, fingerprint, alertname, severity, status, summary, labels, started_at, resolved_at
       FROM incidents WHERE started_at >= $1 ORDER BY started_at DESC, id DESC LIMIT $2`,
    [options.since ?? new Date(0), options.limit ?? 100],
  );
  return rows.map((row) => ({
    id: Number(row.id),
    fingerprint: row.fingerprint,
    alertname: row.alertname,
    severity: row.severity,
    status: row.status,
    summary: row.summary,
    labels: row.labels,
    startedAt: new Date(row.started_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
  }));
}
