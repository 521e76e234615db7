import type { Answer, AttemptResult, QuestionResult, QuizQuestion } from '../api/types';

// The quiz as a small state machine, kept apart from the component so its rules are tested directly:
// answers can change until they are sent; while sending nothing changes; the server's per-question
// results are the feedback; "try again" starts over with nothing selected.

export type QuizState =
  | { status: 'answering'; selected: Record<string, string>; error?: string | undefined }
  | { status: 'submitting'; selected: Record<string, string> }
  | { status: 'checked'; selected: Record<string, string>; result: AttemptResult };

export type QuizAction =
  | { type: 'select'; questionId: string; optionId: string }
  | { type: 'submit'; questions: readonly QuizQuestion[] }
  | { type: 'succeeded'; result: AttemptResult }
  | { type: 'failed'; message: string }
  | { type: 'reset' };

export const initialQuizState: QuizState = { status: 'answering', selected: {} };

export function quizReducer(state: QuizState, action: QuizAction): QuizState {
  switch (action.type) {
    case 'select':
      if (state.status !== 'answering') return state;
      return { status: 'answering', selected: { ...state.selected, [action.questionId]: action.optionId } };
    case 'submit':
      return canSubmit(state, action.questions) ? { status: 'submitting', selected: state.selected } : state;
    case 'succeeded':
      return state.status === 'submitting' ? { status: 'checked', selected: state.selected, result: action.result } : state;
    case 'failed':
      return state.status === 'submitting' ? { status: 'answering', selected: state.selected, error: action.message } : state;
    case 'reset':
      return initialQuizState;
  }
}

export function answeredCount(state: QuizState, questions: readonly QuizQuestion[]): number {
  return questions.filter((question) => state.selected[question.id] !== undefined).length;
}

export function canSubmit(state: QuizState, questions: readonly QuizQuestion[]): boolean {
  return state.status === 'answering' && questions.length > 0 && answeredCount(state, questions) === questions.length;
}

export function answersOf(state: QuizState, questions: readonly QuizQuestion[]): Answer[] {
  return questions.flatMap((question) => {
    const optionId = state.selected[question.id];
    return optionId === undefined ? [] : [{ questionId: question.id, optionId }];
  });
}

export function resultFor(state: QuizState, questionId: string): QuestionResult | undefined {
  return state.status === 'checked' ? state.result.results.find((result) => result.questionId === questionId) : undefined;
}

/** How one option looks: before checking only the selection shows; after, right and wrong are marked. */
export type OptionMark = 'idle' | 'selected' | 'correct' | 'wrong' | 'missed';

export function optionMark(state: QuizState, questionId: string, optionId: string): OptionMark {
  const selected = state.selected[questionId] === optionId;
  const result = resultFor(state, questionId);
  if (!result) return selected ? 'selected' : 'idle';
  if (optionId === result.correctOptionId) return selected ? 'correct' : 'missed';
  return selected ? 'wrong' : 'idle';
}
