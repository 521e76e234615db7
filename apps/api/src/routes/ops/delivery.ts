import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { doraReport, recordDeployment } from '@academy/core';
import type { AppDeps } from '../../deps';
import { requireStaticToken } from '../../http/auth-guards';
import { deploymentRecorded, deploymentReport, doraQuery, doraReport as doraSchema } from './delivery-schema';

// CI reports each deployment here; GET /dora turns deployments and incidents into the four DORA metrics.
export const opsDeliveryRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', requireStaticToken('OPS_TOKEN', deps.config.OPS_TOKEN));

  app.post(
    '/api/v1/ops/deployments',
    {
      schema: {
        tags: ['ops'],
        summary: 'Record a deployment (sent by CI after each rollout); a retried report updates the same run',
        security: [{ ops: [] }],
        body: deploymentReport,
        response: { 201: deploymentRecorded, 200: deploymentRecorded },
      },
    },
    async (request, reply) => {
      const { deployment, created } = await recordDeployment(deps.db, request.body);
      request.log.info({ environment: deployment.environment, status: deployment.status, commit: deployment.commitSha, created }, 'deployment recorded');
      return reply.code(created ? 201 : 200).send({ id: deployment.id, created });
    },
  );

  app.get(
    '/api/v1/ops/dora',
    {
      schema: {
        tags: ['ops'],
        summary: 'DORA metrics over the last N days: deployment frequency, lead time, change failure rate, time to restore',
        security: [{ ops: [] }],
        querystring: doraQuery,
        response: { 200: doraSchema },
      },
    },
    async (request) => doraReport(deps.db, { environment: request.query.environment, days: request.query.days }),
  );
};
