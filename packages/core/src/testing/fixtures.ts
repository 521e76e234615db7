import { fileURLToPath } from 'node:url';
import type { Answer } from '../learning/quiz';

/** A two-lesson curriculum for tests (test/fixtures/content): 4 questions per lesson. */
export const FIXTURE_CONTENT_DIR = fileURLToPath(new URL('../../../../test/fixtures/content', import.meta.url));
export const FIXTURE_LESSON_ID = 'fixture-lesson-1';
export const FIXTURE_NEXT_LESSON_ID = 'fixture-lesson-2';

/** Answers to the fixture quiz with `correct` of the 4 questions right (in question order). */
export function fixtureAnswers(correct: 0 | 1 | 2 | 3 | 4): Answer[] {
  const right = ['a', 'b', 'c', 'a'];
  const wrong = ['b', 'a', 'a', 'b'];
  return right.map((optionId, i) => ({ questionId: `q${i + 1}`, optionId: i < correct ? optionId : wrong[i]! }));
}
