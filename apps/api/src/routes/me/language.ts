import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LOCALES, setUserLanguage } from '@academy/core';
import type { AppDeps } from '../../deps';
import { learnerOf, requireLearner } from '../../http/auth-guards';

export const languageBody = z.object({ language: z.enum(LOCALES) });

/** The learner's language, chosen in the Mini App: the bot speaks it from then on too. */
export const meLanguageRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.put(
    '/api/v1/me/language',
    {
      preHandler: requireLearner(deps.tokens),
      schema: {
        tags: ['learning'],
        summary: 'Set the signed-in learner’s language (ru or en) for the Mini App and the bot',
        security: [{ learner: [] }],
        body: languageBody,
        response: { 200: languageBody },
      },
    },
    async (request) => {
      await setUserLanguage(deps.db, learnerOf(request).userId, request.body.language);
      return { language: request.body.language };
    },
  );
};
