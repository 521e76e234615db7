import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError, ContentError, findUserByTelegramId, notFound, progressSummary, syncCurriculumFromDir } from '@academy/core';
import type { AppDeps } from '../../deps';
import { requireStaticToken } from '../../http/auth-guards';
import { syncReport, userDetail, userParams } from './schema';

export const adminRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.addHook('preHandler', requireStaticToken('ADMIN_TOKEN', deps.config.ADMIN_TOKEN));

  app.post(
    '/api/v1/admin/content/sync',
    { schema: { tags: ['admin'], summary: 'Import the curriculum from CONTENT_DIR (idempotent)', security: [{ admin: [] }], response: { 200: syncReport } } },
    async () => {
      try {
        return await syncCurriculumFromDir(deps, deps.contentDir);
      } catch (error) {
        if (error instanceof ContentError) throw new AppError('content_invalid', 422, error.message, { cause: error });
        throw error;
      }
    },
  );

  app.get(
    '/api/v1/admin/users/:telegramId',
    { schema: { tags: ['admin'], summary: 'Look a learner up by Telegram id, with their progress', security: [{ admin: [] }], params: userParams, response: { 200: userDetail } } },
    async (request) => {
      const user = await findUserByTelegramId(deps.db, request.params.telegramId);
      if (!user) throw notFound('Learner with Telegram id', String(request.params.telegramId));
      return { user, progress: await progressSummary(deps.db, user.id) };
    },
  );
};
