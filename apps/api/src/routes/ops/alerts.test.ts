import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listIncidents } from '@academy/core';
import { skipWithout } from '@academy/core/testing';
import { call, problemOf, startTestApp, type TestApp } from '../../test/harness';

const OPS_TOKEN = 'ops-token-for-tests-0123456789';
const skipPostgres = await skipWithout('postgres');

/** An Alertmanager webhook notification (payload version 4), as Alertmanager 0.25+ sends it. */
function notification(status: 'firing' | 'resolved', alerts: { fingerprint: string; startsAt: string; endsAt?: string; status?: 'firing' | 'resolved'; summary?: string }[]) {
  return {
    version: '4',
    groupKey: '{}/{namespace!="staging"}:{alertname="HighErrorRate", app="api-service", namespace="production"}',
    truncatedAlerts: 0,
    status,
    receiver: 'incident-log',
    groupLabels: { alertname: 'HighErrorRate', namespace: 'production', app: 'api-service' },
    commonLabels: { alertname: 'HighErrorRate', namespace: 'production', app: 'api-service', severity: 'critical' },
    commonAnnotations: {},
    externalURL: 'http://alertmanager:9093',
    alerts: alerts.map((alert) => ({
      status: alert.status ?? status,
      labels: { alertname: 'HighErrorRate', namespace: 'production', app: 'api-service', severity: 'critical' },
      annotations: { summary: alert.summary ?? 'api-service: more than 1% of requests fail with 5xx', runbook_url: 'https://example.invalid/HighErrorRate.md' },
      startsAt: alert.startsAt,
      endsAt: alert.endsAt ?? '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=...',
      fingerprint: alert.fingerprint,
    })),
  };
}

for (const database of ['pglite', 'postgres'] as const) {
  describe.skipIf(database === 'postgres' && skipPostgres)(`POST /api/v1/ops/alerts (${database})`, () => {
    let t: TestApp;
    const post = (body: unknown, token: string | undefined = OPS_TOKEN) => call(t.url, 'POST', '/api/v1/ops/alerts', { body, ...(token ? { token } : {}) });
    beforeAll(async () => {
      t = await startTestApp({ database, env: { OPS_TOKEN } });
    });
    afterAll(() => t?.close());

    it('needs the OPS_TOKEN bearer token', async () => {
      const body = notification('firing', [{ fingerprint: 'aa01', startsAt: '2026-01-05T10:00:00.123456789Z' }]);
      expect((await post(body, '')).status).toBe(401);
      const wrong = await post(body, 'not-the-ops-token-at-all');
      expect(wrong.status).toBe(401);
      expect(problemOf(wrong)?.code).toBe('unauthorized');
      expect(await listIncidents(t.deps.db)).toEqual([]);
    });

    it('rejects what is not a version 4 payload with 400 and the failing fields', async () => {
      const wrongVersion = await post({ ...notification('firing', [{ fingerprint: 'aa02', startsAt: '2026-01-05T10:00:00Z' }]), version: '3' });
      expect(wrongVersion.status).toBe(400);
      expect(problemOf(wrongVersion)?.errors?.map((error) => error.path)).toContain('body.version');
      const badAlert = notification('firing', [{ fingerprint: 'not hex!', startsAt: 'yesterday' }]);
      const response = await post(badAlert);
      expect(response.status).toBe(400);
      expect(problemOf(response)?.errors?.map((error) => error.path)).toEqual(expect.arrayContaining(['body.alerts.0.fingerprint', 'body.alerts.0.startsAt']));
      expect(await listIncidents(t.deps.db)).toEqual([]);
    });

    it('records a firing alert once, however often it is redelivered, then its resolution', async () => {
      const firing = notification('firing', [{ fingerprint: '3f9a0c1d2e4b5a67', startsAt: '2026-01-05T10:00:00.123456789Z' }]);
      expect((await post(firing)).body).toEqual({ received: 1, created: 1, updated: 0, unchanged: 0 });
      expect((await post(firing)).body).toEqual({ received: 1, created: 0, updated: 0, unchanged: 1 });
      const [open] = await listIncidents(t.deps.db);
      expect(open).toMatchObject({ fingerprint: '3f9a0c1d2e4b5a67', alertname: 'HighErrorRate', severity: 'critical', status: 'firing', resolvedAt: null });
      expect(open?.startedAt.toISOString()).toBe('2026-01-05T10:00:00.123Z');
      expect(open?.labels).toMatchObject({ app: 'api-service', namespace: 'production' });

      const resolved = notification('resolved', [{ fingerprint: '3f9a0c1d2e4b5a67', startsAt: '2026-01-05T10:00:00.123456789Z', endsAt: '2026-01-05T10:12:30Z' }]);
      expect((await post(resolved)).body).toEqual({ received: 1, created: 0, updated: 1, unchanged: 0 });
      expect((await post(resolved)).body).toMatchObject({ unchanged: 1 });
      // A late firing delivery of the same episode does not reopen it.
      expect((await post(firing)).body).toMatchObject({ unchanged: 1 });
      const [closed, ...rest] = await listIncidents(t.deps.db);
      expect(rest).toEqual([]);
      expect(closed).toMatchObject({ id: open?.id, status: 'resolved' });
      expect(closed?.resolvedAt?.toISOString()).toBe('2026-01-05T10:12:30.000Z');
    });

    it('a later episode of the same alert is a new incident; several alerts in one notification each count', async () => {
      const body = notification('firing', [
        { fingerprint: '3f9a0c1d2e4b5a67', startsAt: '2026-01-06T08:00:00Z' },
        { fingerprint: '77aa', startsAt: '2026-01-06T08:00:05Z', summary: 'second' },
      ]);
      expect((await post(body)).body).toEqual({ received: 2, created: 2, updated: 0, unchanged: 0 });
      const incidents = await listIncidents(t.deps.db, { since: new Date('2026-01-06T00:00:00Z') });
      expect(incidents.map((incident) => [incident.fingerprint, incident.status])).toEqual([
        ['77aa', 'firing'],
        ['3f9a0c1d2e4b5a67', 'firing'],
      ]);
    });

    it('survives concurrent redeliveries (two Alertmanager replicas) with one row', async () => {
      const body = notification('firing', [{ fingerprint: 'c0ffee', startsAt: '2026-01-07T09:00:00Z' }]);
      const results = await Promise.all([post(body), post(body), post(body)]);
      expect(results.map((result) => result.status)).toEqual([200, 200, 200]);
      expect(results.reduce((sum, result) => sum + (result.body as { created: number }).created, 0)).toBe(1);
      expect((await listIncidents(t.deps.db)).filter((incident) => incident.fingerprint === 'c0ffee')).toHaveLength(1);
    });
  });
}
