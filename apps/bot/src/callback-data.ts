import type { Locale } from '@academy/core';

// Inline-button payloads. Telegram allows 64 bytes of callback_data, so they carry ids only: a course,
// a lesson, or a quiz run with the question and option index (the quiz's answers so far are in the
// database, see bot_quiz_runs). Anything that does not match these patterns exactly is treated as a
// stale or forged button and answered politely.

const CALLBACK_DATA_LIMIT = 64;
const ID = '([a-z0-9][a-z0-9-]{0,59})';

function checked(data: string): string {
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) {
    throw new Error(`callback data "${data}" is longer than Telegram's ${CALLBACK_DATA_LIMIT} bytes: shorten the course or lesson id`);
  }
  return data;
}

export const MENU_ITEMS = ['courses', 'progress', 'language'] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];

export const callbackData = {
  menu: (item: MenuItem) => `m:${item}`,
  /** "◀️ All courses" under a course: shows the list in the same message. */
  backToCourses: () => 'nav:courses',
  course: (courseId: string) => checked(`c:${courseId}`),
  lesson: (lessonId: string) => checked(`l:${lessonId}`),
  quiz: (lessonId: string) => checked(`q:${lessonId}`),
  answer: (runId: number, questionIndex: number, optionIndex: number) => checked(`a:${runId}:${questionIndex}:${optionIndex}`),
  language: (locale: Locale) => `lang:${locale}`,
};

export const callbackPattern = {
  menu: new RegExp(`^m:(${MENU_ITEMS.join('|')})$`),
  backToCourses: /^nav:courses$/,
  course: new RegExp(`^c:${ID}$`),
  lesson: new RegExp(`^l:${ID}$`),
  quiz: new RegExp(`^q:${ID}$`),
  answer: /^a:([1-9]\d{0,14}):(\d{1,2}):(\d{1,2})$/,
  language: /^lang:(en|ru)$/,
};
