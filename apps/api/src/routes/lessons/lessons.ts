import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findLesson, notFound, presentLesson, recordAttempt } from '@academy/core';
import type { AppDeps } from '../../deps';
import { learnerOf, requireLearner } from '../../http/auth-guards';
import { localeQuery, pickLocale } from '../../http/locale';
import { attemptBody, attemptResult, lesson, lessonParams } from './schema';

export const lessonRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const catalogue = { db: deps.db.read, cache: deps.cache };

  app.get(
    '/api/v1/lessons/:lessonId',
    {
      schema: {
        tags: ['catalogue'],
        summary: 'A lesson in one language, with its quiz (without the answers)',
        params: lessonParams,
        querystring: localeQuery,
        response: { 200: lesson },
      },
    },
    async (request) => {
      const record = await findLesson(catalogue, request.params.lessonId);
      if (!record) throw notFound('Lesson', request.params.lessonId);
      return presentLesson(record, pickLocale(request, request.query.locale));
    },
  );

  app.post(
    '/api/v1/lessons/:lessonId/attempts',
    {
      preHandler: requireLearner(deps.tokens),
      schema: {
        tags: ['learning'],
        summary: 'Submit quiz answers: scored on the server (0–100) and recorded in the learner’s progress',
        security: [{ learner: [] }],
        params: lessonParams,
        body: attemptBody,
        response: { 201: attemptResult },
      },
    },
    async (request, reply) => {
      const { userId } = learnerOf(request);
      const record = await findLesson(catalogue, request.params.lessonId);
      if (!record) throw notFound('Lesson', request.params.lessonId);
      const outcome = await recordAttempt(deps.db, {
        userId,
        lesson: record,
        answers: request.body.answers,
        locale: pickLocale(request, request.body.locale),
        passMark: deps.config.QUIZ_PASS_MARK,
        metadata: { source: 'api', requestId: request.id },
      });
      return reply.code(201).send(outcome);
    },
  );
};
