import { Composer, InlineKeyboard } from 'grammy';
import { findCourse, findLesson, listCourses, presentLesson, progressSummary, type LessonRecord } from '@academy/core';
import { callbackData, callbackPattern } from '../callback-data';
import type { BotContext } from '../context';
import { withWebApp } from '../keyboards';
import { markdownToTelegramHtml } from '../render/markdown';
import { splitTelegramHtml } from '../render/split';
import { answerButton, editHtml, replyHtml } from '../reply';

// /courses → a course → its lessons → a lesson, in Telegram HTML (split under 4096 characters), ending
// with the button that starts its quiz. Navigation edits the menu message in place; a lesson is sent
// as new messages so it stays in the chat.

export const coursesFeature = new Composer<BotContext>();

const catalogue = (ctx: BotContext) => ({ db: ctx.deps.db.read, cache: ctx.deps.cache });

async function coursesView(ctx: BotContext): Promise<{ html: string; keyboard: InlineKeyboard }> {
  const courses = await listCourses(catalogue(ctx));
  const keyboard = new InlineKeyboard();
  for (const course of courses) keyboard.text(`${course.title[ctx.locale]} · ${course.lessons.length}`, callbackData.course(course.id)).row();
  return { html: courses.length > 0 ? ctx.t.coursesTitle : ctx.t.noCourses, keyboard };
}

coursesFeature.command('courses', async (ctx) => {
  const view = await coursesView(ctx);
  await replyHtml(ctx, view.html, view.keyboard);
});

coursesFeature.callbackQuery(callbackPattern.menu, async (ctx, next) => {
  if (ctx.match[1] !== 'courses') return next();
  await answerButton(ctx);
  const view = await coursesView(ctx);
  await replyHtml(ctx, view.html, view.keyboard);
});

coursesFeature.callbackQuery(callbackPattern.backToCourses, async (ctx) => {
  await answerButton(ctx);
  const view = await coursesView(ctx);
  await editHtml(ctx, view.html, view.keyboard);
});

coursesFeature.callbackQuery(callbackPattern.course, async (ctx) => {
  const course = await findCourse(catalogue(ctx), ctx.match[1]!);
  if (!course) return void (await ctx.answerCallbackQuery({ text: ctx.t.notFound }));
  const completed = new Set((await progressSummary(ctx.deps.db, ctx.learner.id)).lessons.filter((l) => l.completed).map((l) => l.lessonId));
  const keyboard = new InlineKeyboard();
  for (const lesson of course.lessons) {
    keyboard.text(`${completed.has(lesson.id) ? '✅' : '📖'} ${lesson.position}. ${lesson.title[ctx.locale]}`, callbackData.lesson(lesson.id)).row();
  }
  keyboard.text(ctx.t.buttons.allCourses, callbackData.backToCourses());
  await answerButton(ctx);
  await editHtml(ctx, ctx.t.courseTitle(course.title[ctx.locale], course.description[ctx.locale]), keyboard);
});

coursesFeature.callbackQuery(callbackPattern.lesson, async (ctx) => {
  const lesson = await findLesson(catalogue(ctx), ctx.match[1]!);
  if (!lesson) return void (await ctx.answerCallbackQuery({ text: ctx.t.notFound }));
  await answerButton(ctx);
  await sendLesson(ctx, lesson);
});

/** The lesson in as many messages as it takes; the last one carries the quiz button. */
export async function sendLesson(ctx: BotContext, lesson: LessonRecord): Promise<void> {
  const view = presentLesson(lesson, ctx.locale);
  const html = `${ctx.t.lessonHeader(view.title, view.durationMinutes)}\n\n${markdownToTelegramHtml(view.body)}`;
  const keyboard = new InlineKeyboard().text(ctx.t.buttons.takeQuiz(view.quiz.questions.length), callbackData.quiz(lesson.id));
  withWebApp(keyboard, ctx, ctx.t.buttons.readInApp).row().text(ctx.t.buttons.backToLessons, callbackData.course(lesson.courseId));
  const chunks = splitTelegramHtml(html);
  for (const [index, chunk] of chunks.entries()) {
    await replyHtml(ctx, chunk, index === chunks.length - 1 ? keyboard : undefined);
  }
  ctx.log.info({ lessonId: lesson.id, messages: chunks.length }, 'lesson sent');
}
