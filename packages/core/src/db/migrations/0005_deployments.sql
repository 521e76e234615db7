-- Deployments reported by CI (POST /api/v1/ops/deployments, .github/scripts/report-deployment.sh): with the
-- incidents of 0004 they are the source of the DORA metrics (GET /api/v1/ops/dora). CI retries its report
-- (curl --retry), so one run — service, environment, commit, start time — is one row, whatever the retries.
CREATE TABLE deployments (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service      text        NOT NULL,
  environment  text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('success', 'failure', 'cancelled')),
  commit_sha   text        NOT NULL,
  committed_at timestamptz,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL,
  image        text        NOT NULL DEFAULT '',
  url          text,
  received_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT deployments_run UNIQUE (service, environment, commit_sha, started_at),
  CONSTRAINT deployments_finished_after_start CHECK (finished_at >= started_at)
);
CREATE INDEX idx_deployments_environment_finished ON deployments (environment, finished_at);
