import { z } from 'zod';

// Alertmanager's webhook payload, version 4 (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config).
// Times are RFC 3339 with up to nanosecond precision; a firing alert's endsAt is Go's zero time (0001-01-01).

const labelSet = z.record(z.string().max(1024), z.string().max(4096));
const time = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

export const alertmanagerAlert = z.object({
  status: z.enum(['firing', 'resolved']),
  labels: labelSet.refine((labels) => typeof labels.alertname === 'string', { message: 'labels.alertname is required' }),
  annotations: labelSet.default({}),
  startsAt: time,
  endsAt: time.optional(),
  generatorURL: z.string().max(4096).optional(),
  fingerprint: z.string().regex(/^[0-9a-f]{1,64}$/, 'must be hexadecimal (Alertmanager fingerprint)'),
});

export const alertmanagerWebhook = z.object({
  version: z.literal('4'),
  groupKey: z.string(),
  truncatedAlerts: z.number().int().min(0).default(0),
  status: z.enum(['firing', 'resolved']),
  receiver: z.string(),
  groupLabels: labelSet,
  commonLabels: labelSet,
  commonAnnotations: labelSet,
  externalURL: z.string(),
  alerts: z.array(alertmanagerAlert).min(1).max(1000),
});

export type AlertmanagerWebhook = z.infer<typeof alertmanagerWebhook>;

export const alertsRecorded = z.object({
  received: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
