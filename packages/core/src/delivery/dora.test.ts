import { describe, expect, it } from 'vitest';
import type { Deployment } from './deployments';
import { computeDora } from './dora';
import type { Incident } from './incidents';

const to = new Date('2026-12-03T00:00:00Z');
const from = new Date('2026-11-26T00:00:00Z'); // 7 days
const at = (iso: string) => new Date(iso);

let id = 0;
function deployment(finished: string, overrides: Partial<Deployment> = {}): Deployment {
  const finishedAt = at(finished);
  return {
    id: ++id,
    service: 'telegram-ios-academy',
    environment: 'production',
    status: 'success',
    commitSha: 'abc1234',
    committedAt: new Date(finishedAt.getTime() - 30 * 60_000),
    startedAt: new Date(finishedAt.getTime() - 5 * 60_000),
    finishedAt,
    image: 'ghcr.io/x/academy@sha256:1',
    url: null,
    ...overrides,
  };
}

function incident(started: string, resolvedAfterMinutes: number | null, overrides: Partial<Incident> = {}): Incident {
  const startedAt = at(started);
  return {
    id: ++id,
    fingerprint: `f${id}`,
    alertname: 'HighErrorRate',
    severity: 'critical',
    status: resolvedAfterMinutes === null ? 'firing' : 'resolved',
    summary: '',
    labels: { namespace: 'production' },
    startedAt,
    resolvedAt: resolvedAfterMinutes === null ? null : new Date(startedAt.getTime() + resolvedAfterMinutes * 60_000),
    ...overrides,
  };
}

describe('computeDora', () => {
  it('is empty and judges nothing without data', () => {
    const report = computeDora({ environment: 'production', from, to, deployments: [], incidents: [] });
    expect(report.days).toBe(7);
    expect(report.deploymentFrequency).toEqual({ deployments: 0, perDay: 0, meetsTarget: false });
    expect(report.leadTimeForChanges).toEqual({ medianSeconds: null, samples: 0, meetsTarget: null });
    expect(report.changeFailureRate.meetsTarget).toBeNull();
    expect(report.timeToRestore).toEqual({ medianSeconds: null, resolved: 0, open: 0, meetsTarget: null });
  });

  it('measures frequency, median lead time, failures and restore time against the elite targets', () => {
    const deployments = [
      // 13 good deployments, twice a day from Nov 26 10:00 on
      ...Array.from({ length: 13 }, (_, i) => deployment(new Date(from.getTime() + (10 + i * 12) * 3_600_000).toISOString())),
      deployment('2026-12-02T09:00:00Z', { status: 'failure' }),
      deployment('2026-12-02T10:00:00Z', { status: 'cancelled' }),
      deployment('2026-12-02T12:00:00Z', { committedAt: at('2026-12-02T08:00:00Z') }), // 4 h lead time
    ];
    const incidents = [
      incident('2026-12-02T12:20:00Z', 10), // 20 min after a deployment: that change failed
      incident('2026-11-28T03:00:00Z', 30), // unrelated to any deployment, restored after 30 min
      incident('2026-11-29T03:00:00Z', 5, { severity: 'warning' }), // warnings are not incidents for DORA
      incident('2026-11-30T03:00:00Z', 5, { labels: { namespace: 'staging' } }), // another environment
      incident('2026-12-02T20:00:00Z', null), // still open
    ];
    const report = computeDora({ environment: 'production', from, to, deployments, incidents });
    expect(report.deploymentFrequency).toEqual({ deployments: 14, perDay: 2, meetsTarget: true });
    expect(report.leadTimeForChanges).toEqual({ medianSeconds: 1800, samples: 14, meetsTarget: true });
    expect(report.changeFailureRate).toEqual({ failed: 2, deployments: 15, ratio: 0.133, meetsTarget: false });
    expect(report.timeToRestore).toEqual({ medianSeconds: 1200, resolved: 2, open: 1, meetsTarget: false });
  });
});
