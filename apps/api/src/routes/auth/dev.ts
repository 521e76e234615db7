import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps';
import { localeQuery, pickLocale } from '../../http/locale';
import { authOptions } from './dev-schema';
import { session } from './schema';
import { startSession } from './start-session';

/** The one learner the dev sign-in signs in as; a Telegram id no real account has. */
export const DEV_LEARNER = { telegramId: 1_000_000_001, firstName: 'Dev', lastName: 'Learner', username: 'dev_learner' } as const;

export function devSignInEnabled(deps: Pick<AppDeps, 'config'>): boolean {
  return deps.config.NODE_ENV === 'development';
}

/** Which sign-ins this server offers, so the Mini App shows only buttons that work. */
export const authOptionsRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.get(
    '/api/v1/auth/options',
    { schema: { tags: ['auth'], summary: 'Sign-in methods this server offers', response: { 200: authOptions } } },
    async () => ({ devSignIn: devSignInEnabled(deps) }),
  );
};

/**
 * POST /api/v1/auth/dev: outside Telegram there is no initData, so local development signs in a fixed
 * learner. app.ts registers this plugin only when NODE_ENV=development; elsewhere the route does not exist.
 */
export const devAuthRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  app.post(
    '/api/v1/auth/dev',
    {
      config: { rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ['auth'],
        summary: 'Development only: sign in as the fixed dev learner',
        querystring: localeQuery,
        response: { 200: session },
      },
    },
    async (request) => {
      return startSession(deps, { ...DEV_LEARNER, languageCode: pickLocale(request, request.query.locale) });
    },
  );
};
