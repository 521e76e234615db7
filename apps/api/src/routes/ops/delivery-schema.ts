import { z } from 'zod';

// What .github/scripts/report-deployment.sh sends after each deployment.
export const deploymentReport = z
  .object({
    service: z.string().min(1).max(100),
    environment: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a Kubernetes namespace name'),
    status: z.enum(['success', 'failure', 'cancelled']),
    commitSha: z.string().regex(/^[0-9a-f]{7,40}$/, 'must be a git commit hash'),
    committedAt: z.coerce.date().nullable().default(null),
    startedAt: z.coerce.date(),
    finishedAt: z.coerce.date(),
    image: z.string().max(500).default(''),
    url: z.string().url().max(2000).nullable().default(null),
  })
  .refine((report) => report.finishedAt >= report.startedAt, { path: ['finishedAt'], message: 'must not be before startedAt' });

export const deploymentRecorded = z.object({ id: z.number().int(), created: z.boolean() });

export const doraQuery = z.object({
  days: z.coerce.number().int().min(1).max(365).default(30),
  environment: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).default('production'),
});

const target = z.boolean().nullable().describe('null: no data in the window');
export const doraReport = z.object({
  environment: z.string(),
  days: z.number().int(),
  from: z.date(),
  to: z.date(),
  deploymentFrequency: z.object({ deployments: z.number().int(), perDay: z.number(), meetsTarget: z.boolean() }),
  leadTimeForChanges: z.object({ medianSeconds: z.number().nullable(), samples: z.number().int(), meetsTarget: target }),
  changeFailureRate: z.object({ failed: z.number().int(), deployments: z.number().int(), ratio: z.number().nullable(), meetsTarget: target }),
  timeToRestore: z.object({ medianSeconds: z.number().nullable(), resolved: z.number().int(), open: z.number().int(), meetsTarget: target }),
});
