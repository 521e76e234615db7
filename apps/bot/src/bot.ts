import { Bot, type BotError } from 'grammy';
import { sequentialize } from '@grammyjs/runner';
import { blockedLearnerGuard } from './api/blocked-learner';
import { DEFAULT_RETRY_POLICY, retryTransformer } from './api/retry';
import { contextFor, type BotContext, type BotDeps } from './context';
import { describeError } from './describe-error';
import { coursesFeature } from './features/courses';
import { helpFeature } from './features/help';
import { languageFeature } from './features/language';
import { membershipFeature } from './features/membership';
import { progressFeature } from './features/progress';
import { quizFeature } from './features/quiz';
import { startFeature } from './features/start';
import { unhandledFeature } from './features/unhandled';
import { webAppFeature } from './features/web-app';
import { botIdFromToken, dedupeUpdates } from './middleware/dedupe';
import { identifyLearner } from './middleware/learner';
import { recordOutcome } from './middleware/outcome';

/** Long enough for getUpdates' 30 s long poll; other calls have their own deadline (RetryPolicy.timeoutMs). */
const CLIENT_TIMEOUT_SECONDS = 60;

/**
 * The academy bot. The order of the chain is the design:
 *  1. outcome   — one metric and one log line per update
 *  2. dedupe    — an update_id already claimed (on any replica) stops here
 *  3. per chat  — updates of one chat run one after another (other chats in parallel)
 *  4. 403 guard — a learner who blocked the bot is marked inactive and not messaged again
 *  5. error boundary around the learner and every feature; "unhandled" last
 */
export function createBot(token: string, deps: BotDeps): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, {
    ContextConstructor: contextFor(deps),
    client: { apiRoot: deps.config.TELEGRAM_API_ROOT, timeoutSeconds: CLIENT_TIMEOUT_SECONDS },
  });
  const logger = deps.logger.child({ component: 'bot' });
  bot.api.config.use(retryTransformer({ ...DEFAULT_RETRY_POLICY, ...deps.retry }, logger, deps.metrics));

  bot.use(recordOutcome(deps.metrics));
  bot.use(dedupeUpdates(botIdFromToken(token)));
  bot.use(sequentialize((ctx: BotContext) => String(ctx.chat?.id ?? ctx.from?.id ?? 'none')));
  bot.use((ctx, next) => {
    ctx.api.config.use(blockedLearnerGuard(ctx));
    return next();
  });

  const features = bot.errorBoundary(onFeatureError);
  features.use(membershipFeature);
  features.use(identifyLearner);
  features.use(startFeature, coursesFeature, quizFeature, progressFeature, languageFeature, helpFeature, webAppFeature(deps.config));
  features.use(unhandledFeature);

  // Only errors outside the boundary get here (in polling mode): the update claim could not be made.
  bot.catch((error) => {
    error.ctx.log.error({ err: describeError(error.error) }, 'update not handled');
  });
  return bot;
}

/** Logs the failure (ids only) and tells the learner; a learner who blocked the bot is not a failure. */
async function onFeatureError(error: BotError<BotContext>): Promise<void> {
  const ctx = error.ctx;
  if (ctx.blocked) {
    ctx.log.info('stopped: the learner has blocked the bot');
    return;
  }
  ctx.failed = true;
  ctx.log.error({ err: describeError(error.error) }, 'feature failed; the learner was told');
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined); // may be answered already
    if (ctx.chat) await ctx.reply(ctx.t.somethingWentWrong);
  } catch (replyError) {
    ctx.log.warn({ err: describeError(replyError) }, 'could not tell the learner about the failure');
  }
}
