import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { recordAlerts } from '@academy/core';
import type { AppDeps } from '../../deps';
import { requireStaticToken } from '../../http/auth-guards';
import { alertmanagerWebhook, alertsRecorded } from './schema';

/** Alertmanager groups up to max_alerts (50) per notification; their annotations can be long. */
const ALERTS_BODY_LIMIT_BYTES = 1024 * 1024;
/** A firing alert's endsAt is Go's zero time (0001-01-01): anything before 1970 means "not ended". */
const ENDS_AT_UNSET_BEFORE_MS = 0;

// POST /api/v1/ops/alerts: Alertmanager's webhook receiver "incident-log" (deploy/monitoring/alertmanager)
// delivers every notification here; each alert episode becomes (or updates) a row in `incidents`.
export const opsAlertRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', requireStaticToken('OPS_TOKEN', deps.config.OPS_TOKEN));

  app.post(
    '/api/v1/ops/alerts',
    {
      bodyLimit: ALERTS_BODY_LIMIT_BYTES,
      schema: {
        tags: ['ops'],
        summary: 'Alertmanager webhook (payload version 4): record firing and resolved alerts in the incident log',
        description: 'Idempotent: a redelivered notification changes nothing. Authorization: Bearer OPS_TOKEN.',
        body: alertmanagerWebhook,
        response: { 200: alertsRecorded },
      },
    },
    async (request) => {
      const alerts = request.body.alerts.map((alert) => ({
        fingerprint: alert.fingerprint,
        status: alert.status,
        labels: alert.labels,
        annotations: alert.annotations,
        startsAt: alert.startsAt,
        endsAt: alert.endsAt && alert.endsAt.getTime() > ENDS_AT_UNSET_BEFORE_MS ? alert.endsAt : undefined,
        generatorURL: alert.generatorURL,
      }));
      const result = await recordAlerts(deps.db, alerts);
      request.log.info({ receiver: request.body.receiver, status: request.body.status, ...result }, 'alert notification recorded');
      return { received: alerts.length, ...result };
    },
  );
};
