import { describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import { readCurriculum } from '../content/parse';
import { FIXTURE_CONTENT_DIR, fixtureAnswers } from '../testing/fixtures';
import { scoreQuiz } from './quiz';

const questions = readCurriculum(FIXTURE_CONTENT_DIR)[0]!.lessons[0]!.quiz.questions;

describe('scoreQuiz', () => {
  it.each([
    [4, 100],
    [3, 75],
    [2, 50],
    [1, 25],
    [0, 0],
  ] as const)('%i of 4 correct scores %i', (correct, score) => {
    const result = scoreQuiz(questions, fixtureAnswers(correct), 'en');
    expect(result.score).toBe(score);
    expect(result.correctCount).toBe(correct);
    expect(result.results.filter((r) => r.correct)).toHaveLength(correct);
  });

  it('returns the explanation in the requested locale', () => {
    expect(scoreQuiz(questions, fixtureAnswers(4), 'ru').results[0]?.explanation).toBe('ru explanation 1');
  });

  it('refuses unknown questions, foreign options, duplicates and gaps with 422 and a path for each', () => {
    const answers = [
      { questionId: 'q1', optionId: 'a' },
      { questionId: 'q1', optionId: 'b' },
      { questionId: 'q2', optionId: 'zzz' },
      { questionId: 'nope', optionId: 'a' },
    ];
    let error: AppError | undefined;
    try {
      scoreQuiz(questions, answers, 'en');
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['answers.1.questionId', 'answers.2.optionId', 'answers.3.questionId', 'answers', 'answers']);
  });
});
