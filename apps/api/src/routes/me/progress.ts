import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { progressSummary } from '@academy/core';
import type { AppDeps } from '../../deps';
import { learnerOf, requireLearner } from '../../http/auth-guards';
import { progressSummary as progressSchema } from './schema';

export const meRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/v1/me/progress',
    {
      preHandler: requireLearner(deps.tokens),
      schema: {
        tags: ['learning'],
        summary: 'The signed-in learner’s progress: completed lessons, average score, streak',
        security: [{ learner: [] }],
        response: { 200: progressSchema },
      },
    },
    // Read from the primary: a learner who just answered a quiz expects to see it counted.
    async (request) => progressSummary(deps.db, learnerOf(request).userId),
  );
};
