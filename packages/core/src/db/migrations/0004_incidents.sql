-- The platform's own incident log, fed by Alertmanager's webhook (POST /api/v1/ops/alerts). One row per
-- alert episode: an alert (identified by Alertmanager's fingerprint of its labels) from the moment it
-- started firing until it resolved. A later episode of the same alert has a new startsAt, hence a new row.
-- Alertmanager redelivers (repeat_interval, retries, several replicas): the unique key makes the write
-- idempotent, and a resolved episode never goes back to firing. DORA's time to restore reads from here.
CREATE TABLE incidents (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  fingerprint   text        NOT NULL,
  alertname     text        NOT NULL,
  severity      text        NOT NULL,
  status        text        NOT NULL CHECK (status IN ('firing', 'resolved')),
  summary       text        NOT NULL DEFAULT '',
  labels        jsonb       NOT NULL,
  annotations   jsonb       NOT NULL,
  generator_url text,
  started_at    timestamptz NOT NULL,
  resolved_at   timestamptz,
  received_at   timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT incidents_episode UNIQUE (fingerprint, started_at),
  CONSTRAINT incidents_resolved_has_time CHECK (status = 'firing' OR resolved_at IS NOT NULL)
);
CREATE INDEX idx_incidents_started_at ON incidents (started_at);
