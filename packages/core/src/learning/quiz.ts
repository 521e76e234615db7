import { invalidInput, type FieldError } from '../errors';
import type { Locale, QuizQuestion } from '../content/types';

export interface Answer {
  questionId: string;
  optionId: string;
}

export interface QuestionResult {
  questionId: string;
  selectedOptionId: string;
  correctOptionId: string;
  correct: boolean;
  explanation: string;
}

export interface QuizScore {
  score: number; // 0–100
  correctCount: number;
  questionCount: number;
  results: QuestionResult[];
}

/**
 * Scores a quiz on the server. Every question must be answered exactly once with one of its options;
 * anything else is a 422 naming each offending answer.
 */
export function scoreQuiz(questions: readonly QuizQuestion[], answers: readonly Answer[], locale: Locale): QuizScore {
  const errors: FieldError[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  const given = new Map<string, string>();
  answers.forEach((answer, index) => {
    const question = byId.get(answer.questionId);
    if (!question) errors.push({ path: `answers.${index}.questionId`, message: `unknown question "${answer.questionId}"` });
    else if (given.has(answer.questionId)) errors.push({ path: `answers.${index}.questionId`, message: `question "${answer.questionId}" is answered twice` });
    else if (!question.options.some((option) => option.id === answer.optionId)) {
      errors.push({ path: `answers.${index}.optionId`, message: `"${answer.optionId}" is not an option of question "${answer.questionId}"` });
    }
    given.set(answer.questionId, answer.optionId);
  });
  for (const question of questions) {
    if (!given.has(question.id)) errors.push({ path: 'answers', message: `question "${question.id}" is not answered` });
  }
  if (errors.length > 0) throw invalidInput('The answers do not match the quiz', errors);

  const results = questions.map((question) => {
    const selectedOptionId = given.get(question.id)!;
    return {
      questionId: question.id,
      selectedOptionId,
      correctOptionId: question.answer,
      correct: selectedOptionId === question.answer,
      explanation: question.explanation[locale],
    };
  });
  const correctCount = results.filter((result) => result.correct).length;
  return { score: Math.round((100 * correctCount) / questions.length), correctCount, questionCount: questions.length, results };
}
