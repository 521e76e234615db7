import { describe, expect, it } from 'vitest';
import type { AttemptResult, QuizQuestion } from '../api/types';
import { answeredCount, answersOf, canSubmit, initialQuizState, optionMark, quizReducer, type QuizAction, type QuizState } from './quiz-state';

const QUESTIONS: QuizQuestion[] = [
  { id: 'q1', text: 'Q1', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
  { id: 'q2', text: 'Q2', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] },
];

const RESULT: AttemptResult = {
  lessonId: 'l1',
  score: 50,
  passed: false,
  passMark: 70,
  correctCount: 1,
  questionCount: 2,
  results: [
    { questionId: 'q1', selectedOptionId: 'a', correctOptionId: 'a', correct: true, explanation: 'because' },
    { questionId: 'q2', selectedOptionId: 'a', correctOptionId: 'b', correct: false, explanation: 'since' },
  ],
  attempts: 1,
  bestScore: 50,
  completed: false,
  newlyCompleted: false,
  nextLessonId: 'l2',
  version: 1,
};

const run = (...actions: QuizAction[]): QuizState => actions.reduce(quizReducer, initialQuizState);
const select = (questionId: string, optionId: string): QuizAction => ({ type: 'select', questionId, optionId });

describe('quiz state', () => {
  it('can be checked only once every question is answered; the last choice counts', () => {
    const partial = run(select('q1', 'b'));
    expect(answeredCount(partial, QUESTIONS)).toBe(1);
    expect(canSubmit(partial, QUESTIONS)).toBe(false);
    expect(run(select('q1', 'b'), { type: 'submit', questions: QUESTIONS }).status).toBe('answering');
    const full = run(select('q1', 'b'), select('q2', 'a'), select('q1', 'a'));
    expect(canSubmit(full, QUESTIONS)).toBe(true);
    expect(answersOf(full, QUESTIONS)).toEqual([
      { questionId: 'q1', optionId: 'a' },
      { questionId: 'q2', optionId: 'a' },
    ]);
  });

  it('freezes the answers while they are checked, and shows the server’s verdict per option', () => {
    const submitting = run(select('q1', 'a'), select('q2', 'a'), { type: 'submit', questions: QUESTIONS });
    expect(submitting.status).toBe('submitting');
    expect(quizReducer(submitting, select('q2', 'b'))).toBe(submitting);
    expect(canSubmit(submitting, QUESTIONS)).toBe(false);

    const checked = quizReducer(submitting, { type: 'succeeded', result: RESULT });
    expect(checked.status).toBe('checked');
    expect(quizReducer(checked, select('q2', 'b'))).toBe(checked);
    expect(optionMark(checked, 'q1', 'a')).toBe('correct');
    expect(optionMark(checked, 'q1', 'b')).toBe('idle');
    expect(optionMark(checked, 'q2', 'a')).toBe('wrong');
    expect(optionMark(checked, 'q2', 'b')).toBe('missed');
  });

  it('keeps the answers when sending fails, so the learner can retry', () => {
    const failed = run(select('q1', 'a'), select('q2', 'b'), { type: 'submit', questions: QUESTIONS }, { type: 'failed', message: 'offline' });
    expect(failed).toEqual({ status: 'answering', selected: { q1: 'a', q2: 'b' }, error: 'offline' });
    expect(canSubmit(failed, QUESTIONS)).toBe(true);
    // Changing an answer clears the old error.
    expect(quizReducer(failed, select('q1', 'b'))).toEqual({ status: 'answering', selected: { q1: 'b', q2: 'b' } });
  });

  it('marks only the selection before checking, and starts over empty on reset', () => {
    const state = run(select('q1', 'a'));
    expect(optionMark(state, 'q1', 'a')).toBe('selected');
    expect(optionMark(state, 'q1', 'b')).toBe('idle');
    expect(quizReducer(state, { type: 'reset' })).toEqual(initialQuizState);
    // A late answer from a request that is no longer waited for changes nothing.
    expect(quizReducer(state, { type: 'succeeded', result: RESULT })).toBe(state);
  });
});
