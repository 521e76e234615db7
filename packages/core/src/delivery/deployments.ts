import type { Queryable } from '../db/types';

export type DeploymentStatus = 'success' | 'failure' | 'cancelled';

export interface DeploymentReport {
  service: string;
  environment: string;
  status: DeploymentStatus;
  commitSha: string;
  /** When the deployed commit was made: lead time for changes runs from here. */
  committedAt: Date | null;
  startedAt: Date;
  finishedAt: Date;
  image: string;
  url: string | null;
}

export interface Deployment extends DeploymentReport {
  id: number;
}

interface DeploymentRow {
  id: string | number;
  service: string;
  environment: string;
  status: DeploymentStatus;
  commit_sha: string;
  committed_at: Date | null;
  started_at: Date;
  finished_at: Date;
  image: string;
  url: string | null;
}

function toDeployment(row: DeploymentRow): Deployment {
  return {
    id: Number(row.id),
    service: row.service,
    environment: row.environment,
    status: row.status,
    commitSha: row.commit_sha,
    committedAt: row.committed_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    image: row.image,
    url: row.url,
  };
}

/** Records one deployment run; a repeated report of the same run updates it instead of adding another. */
export async function recordDeployment(db: Queryable, report: DeploymentReport): Promise<{ deployment: Deployment; created: boolean }> {
  const [row] = await db.query<DeploymentRow & { inserted: boolean }>(
    `INSERT INTO deployments (service, environment, status, commit_sha, committed_at, started_at, finished_at, image, url)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT ON CONSTRAINT deployments_run DO UPDATE SET
       status = EXCLUDED.status, committed_at = COALESCE(EXCLUDED.committed_at, deployments.committed_at),
       finished_at = EXCLUDED.finished_at, image = EXCLUDED.image, url = COALESCE(EXCLUDED.url, deployments.url)
     RETURNING id, service, environment, status, commit_sha, committed_at, started_at, finished_at, image, url, (xmax = 0) AS inserted`,
    [report.service, report.environment, report.status, report.commitSha, report.committedAt, report.startedAt, report.finishedAt, report.image, report.url],
  );
  return { deployment: toDeployment(row!), created: row!.inserted };
}

/** Deployments to one environment that finished in [since, until), oldest first. */
export async function listDeployments(db: Queryable, environment: string, since: Date, until: Date): Promise<Deployment[]> {
  const rows = await db.query<DeploymentRow>(
    `SELECT id, service, environment, status, commit_sha, committed_at, started_at, finished_at, image, url
       FROM deployments WHERE environment = $1 AND finished_at >= $2 AND finished_at < $3 ORDER BY finished_at`,
    [environment, since, until],
  );
  return rows.map(toDeployment);
}
