import { Composer, InlineKeyboard } from 'grammy';
import {
  appendQuizAnswer,
  findLesson,
  findQuizRun,
  recordAttempt,
  reopenQuizRun,
  startQuizRun,
  type AttemptOutcome,
  type LessonRecord,
  type QuizRun,
} from '@academy/core';
import { callbackData, callbackPattern } from '../callback-data';
import type { BotContext } from '../context';
import { TELEGRAM_MESSAGE_LIMIT } from '../render/html';
import { inlineMarkdownToTelegramHtml, inlineMarkdownToText } from '../render/markdown';
import { answerButton, editHtml, replyHtml } from '../reply';

// A lesson's quiz, one question per step in one message that is edited as the learner answers.
// The answers so far are kept in the database (bot_quiz_runs), not in the buttons: callback_data holds
// 64 bytes, too little for a lesson id plus every answer, and a row lets any replica take the next tap
// and makes each answer a compare-and-set — a double tap, a stale message or a forged button cannot
// answer twice or score twice. The complete answers are scored on the server by recordAttempt.

export const quizFeature = new Composer<BotContext>();

const LETTERS = 'ABCDEF';
const BUTTON_TEXT_MAX = 40;
const catalogue = (ctx: BotContext) => ({ db: ctx.deps.db.read, cache: ctx.deps.cache });
const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function questionView(ctx: BotContext, lesson: LessonRecord, run: QuizRun, index: number) {
  const questions = lesson.quiz.questions;
  const question = questions[index]!;
  const options = question.options.map((option) => option.text[ctx.locale]);
  const html = [
    `📝 ${ctx.t.questionHeader(index + 1, questions.length)} · ${inlineMarkdownToTelegramHtml(lesson.title[ctx.locale])}`,
    '',
    inlineMarkdownToTelegramHtml(question.text[ctx.locale]),
    '',
    ...options.map((text, i) => `<b>${LETTERS[i]}.</b> ${inlineMarkdownToTelegramHtml(text)}`),
  ].join('\n');
  const keyboard = new InlineKeyboard();
  options.forEach((text, i) => keyboard.text(`${LETTERS[i]}. ${truncate(inlineMarkdownToText(text), BUTTON_TEXT_MAX)}`, callbackData.answer(run.id, index, i)).row());
  return { html, keyboard };
}

async function resultView(ctx: BotContext, lesson: LessonRecord, outcome: AttemptOutcome) {
  const summary = [ctx.t.scoreLine(outcome.score, outcome.correctCount, outcome.questionCount), outcome.passed ? ctx.t.passed : ctx.t.notPassed(outcome.passMark)];
  const lines = outcome.results.map((result, i) => ctx.t.resultLine(i + 1, result.correct, inlineMarkdownToTelegramHtml(result.explanation)));
  let html = [...summary, '', ...lines].join('\n');
  if (html.length > TELEGRAM_MESSAGE_LIMIT) html = [...summary, '', ...outcome.results.map((r, i) => ctx.t.resultLine(i + 1, r.correct, ''))].join('\n');

  const keyboard = new InlineKeyboard();
  const next = outcome.nextLessonId ? await findLesson(catalogue(ctx), outcome.nextLessonId) : undefined;
  if (next) keyboard.text(ctx.t.buttons.nextLesson(truncate(next.title[ctx.locale], BUTTON_TEXT_MAX)), callbackData.lesson(next.id)).row();
  keyboard.text(ctx.t.buttons.tryAgain, callbackData.quiz(lesson.id)).row();
  keyboard.text(ctx.t.buttons.backToLessons, callbackData.course(lesson.courseId));
  return { html, keyboard };
}

quizFeature.callbackQuery(callbackPattern.quiz, async (ctx) => {
  const lesson = await findLesson(catalogue(ctx), ctx.match[1]!);
  if (!lesson) return void (await ctx.answerCallbackQuery({ text: ctx.t.notFound }));
  const run = await startQuizRun(ctx.deps.db, { userId: ctx.learner.id, lessonId: lesson.id, contentHash: lesson.contentHash });
  ctx.log.info({ lessonId: lesson.id, quizRunId: run.id }, 'quiz started');
  await answerButton(ctx);
  const view = questionView(ctx, lesson, run, 0);
  await replyHtml(ctx, view.html, view.keyboard);
});

quizFeature.callbackQuery(callbackPattern.answer, async (ctx) => {
  const [runId, index, optionIndex] = [Number(ctx.match[1]), Number(ctx.match[2]), Number(ctx.match[3])];
  const polite = (text: string) => ctx.answerCallbackQuery({ text });

  // Someone else's run, an unknown one, or indexes that do not fit: a stale or forged button.
  const run = await findQuizRun(ctx.deps.db, runId, ctx.learner.id);
  if (!run) return void (await polite(ctx.t.staleButton));
  const lesson = await findLesson(catalogue(ctx), run.lessonId);
  if (!lesson) return void (await polite(ctx.t.notFound));
  if (lesson.contentHash !== run.contentHash) return void (await polite(ctx.t.quizChanged));
  if (run.finishedAt || index < run.answers.length) return void (await polite(ctx.t.alreadyAnswered));
  const questions = lesson.quiz.questions;
  const option = questions[index]?.options[optionIndex];
  if (index > run.answers.length || !option) return void (await polite(ctx.t.staleButton));

  const updated = await appendQuizAnswer(ctx.deps.db, { runId, userId: ctx.learner.id, index, optionId: option.id, questionCount: questions.length });
  if (!updated) return void (await polite(ctx.t.alreadyAnswered)); // another tap won the race

  if (!updated.finishedAt) {
    await answerButton(ctx, ctx.t.answerSaved);
    const view = questionView(ctx, lesson, updated, index + 1);
    await editHtml(ctx, view.html, view.keyboard);
    return;
  }

  let outcome: AttemptOutcome;
  try {
    outcome = await recordAttempt(ctx.deps.db, {
      userId: ctx.learner.id,
      lesson,
      answers: questions.map((question, i) => ({ questionId: question.id, optionId: updated.answers[i]! })),
      locale: ctx.locale,
      passMark: ctx.deps.config.QUIZ_PASS_MARK,
      metadata: { source: 'bot', updateId: ctx.update.update_id, quizRunId: runId },
    });
  } catch (error) {
    await reopenQuizRun(ctx.deps.db, runId, ctx.learner.id); // the last tap can be repeated
    throw error;
  }
  ctx.log.info({ lessonId: lesson.id, quizRunId: runId, score: outcome.score, passed: outcome.passed }, 'quiz scored');
  await answerButton(ctx);
  const view = await resultView(ctx, lesson, outcome);
  await editHtml(ctx, view.html, view.keyboard);
});

