import type { Queryable } from '../db/types';
import { listDeployments, type Deployment } from './deployments';
import { listIncidents, type Incident } from './incidents';

// The four DORA metrics over a window, from the deployments CI reports and the incidents Alertmanager
// reports, measured against the playbook's elite targets.

export const DORA_TARGETS = {
  deploymentsPerDay: 1, // "several times a day": at least daily
  leadTimeSeconds: 3600, // < 1 hour
  changeFailureRate: 0.05, // < 5 %
  timeToRestoreSeconds: 15 * 60, // < 15 minutes
} as const;

/** A critical incident that starts this soon after a deployment finished counts against that deployment. */
export const CHANGE_FAILURE_WINDOW_MS = 60 * 60_000;

export interface DoraReport {
  environment: string;
  days: number;
  from: Date;
  to: Date;
  deploymentFrequency: { deployments: number; perDay: number; meetsTarget: boolean };
  leadTimeForChanges: { medianSeconds: number | null; samples: number; meetsTarget: boolean | null };
  changeFailureRate: { failed: number; deployments: number; ratio: number | null; meetsTarget: boolean | null };
  timeToRestore: { medianSeconds: number | null; resolved: number; open: number; meetsTarget: boolean | null };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/** Critical incidents of this environment (an incident without a namespace label belongs to every one). */
function criticalIn(incidents: readonly Incident[], environment: string): Incident[] {
  return incidents.filter((i) => i.severity === 'critical' && (i.labels.namespace === undefined || i.labels.namespace === environment));
}

export function computeDora(input: {
  environment: string;
  from: Date;
  to: Date;
  deployments: readonly Deployment[];
  incidents: readonly Incident[];
}): DoraReport {
  const { environment, from, to } = input;
  const days = Math.max(1, Math.round((to.getTime() - from.getTime()) / 86_400_000));
  const attempted = input.deployments.filter((d) => d.status !== 'cancelled');
  const succeeded = attempted.filter((d) => d.status === 'success');
  const critical = criticalIn(input.incidents, environment);

  const perDay = succeeded.length / days;
  const leadTimes = succeeded.filter((d) => d.committedAt !== null).map((d) => seconds(d.finishedAt.getTime() - d.committedAt!.getTime()));
  const leadTime = median(leadTimes);

  // A change failed when its deployment failed, or when it went out and a critical incident followed soon after.
  const failed = attempted.filter(
    (d) =>
      d.status === 'failure' ||
      critical.some((i) => i.startedAt.getTime() >= d.finishedAt.getTime() && i.startedAt.getTime() - d.finishedAt.getTime() <= CHANGE_FAILURE_WINDOW_MS),
  ).length;
  const ratio = attempted.length === 0 ? null : failed / attempted.length;

  const inWindow = critical.filter((i) => i.startedAt >= from && i.startedAt < to);
  const restored = inWindow.filter((i) => i.resolvedAt !== null).map((i) => seconds(i.resolvedAt!.getTime() - i.startedAt.getTime()));
  const restore = median(restored);

  return {
    environment,
    days,
    from,
    to,
    deploymentFrequency: { deployments: succeeded.length, perDay: Math.round(perDay * 100) / 100, meetsTarget: perDay >= DORA_TARGETS.deploymentsPerDay },
    leadTimeForChanges: { medianSeconds: leadTime, samples: leadTimes.length, meetsTarget: leadTime === null ? null : leadTime < DORA_TARGETS.leadTimeSeconds },
    changeFailureRate: {
      failed,
      deployments: attempted.length,
      ratio: ratio === null ? null : Math.round(ratio * 1000) / 1000,
      meetsTarget: ratio === null ? null : ratio < DORA_TARGETS.changeFailureRate,
    },
    timeToRestore: {
      medianSeconds: restore,
      resolved: restored.length,
      open: inWindow.length - restored.length,
      meetsTarget: restore === null ? null : restore < DORA_TARGETS.timeToRestoreSeconds,
    },
  };
}

/** The DORA report of the last `days` days for one environment. */
export async function doraReport(db: Queryable, options: { environment: string; days: number; now?: Date }): Promise<DoraReport> {
  const to = options.now ?? new Date();
  const from = new Date(to.getTime() - options.days * 86_400_000);
  const [deployments, incidents] = await Promise.all([
    listDeployments(db, options.environment, from, to),
    listIncidents(db, { since: from, limit: 10_000 }),
  ]);
  return computeDora({ environment: options.environment, from, to, deployments, incidents });
}
