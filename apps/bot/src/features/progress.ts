import { Composer, InlineKeyboard } from 'grammy';
import { listCourses, progressSummary } from '@academy/core';
import { callbackData, callbackPattern } from '../callback-data';
import type { BotContext } from '../context';
import { answerButton, replyHtml } from '../reply';

// /progress: completed lessons, average score and streak (the same summary the API and the Mini App
// show), with a button to the first lesson not completed yet.

export const progressFeature = new Composer<BotContext>();

async function showProgress(ctx: BotContext): Promise<void> {
  const [summary, courses] = await Promise.all([progressSummary(ctx.deps.db, ctx.learner.id), listCourses({ db: ctx.deps.db.read, cache: ctx.deps.cache })]);
  const lines = [ctx.t.progressTitle, ''];
  if (summary.attemptedLessons === 0) lines.push(ctx.t.progressNone);
  else {
    lines.push(
      ctx.t.progressCompleted(summary.completedLessons, summary.totalLessons),
      ctx.t.progressAverage(summary.averageScore),
      ctx.t.progressStreak(summary.currentStreakDays, summary.longestStreakDays),
    );
  }
  const completed = new Set(summary.lessons.filter((lesson) => lesson.completed).map((lesson) => lesson.lessonId));
  const next = courses.flatMap((course) => course.lessons).find((lesson) => !completed.has(lesson.id));
  const keyboard = new InlineKeyboard();
  if (next) keyboard.text(ctx.t.buttons.continueWith(next.title[ctx.locale]), callbackData.lesson(next.id));
  else if (summary.totalLessons > 0) lines.push('', ctx.t.progressAllDone);
  keyboard.row().text(ctx.t.buttons.courses, callbackData.menu('courses'));
  await replyHtml(ctx, lines.join('\n'), keyboard);
}

progressFeature.command('progress', showProgress);

progressFeature.callbackQuery(callbackPattern.menu, async (ctx, next) => {
  if (ctx.match[1] !== 'progress') return next();
  await answerButton(ctx);
  await showProgress(ctx);
});
