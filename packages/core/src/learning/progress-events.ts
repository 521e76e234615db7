import type { NewEvent, StoredEvent } from './event-store';

// The events of one learner's progress on one lesson, and the fold that builds the projection from them.
// learning_progress is this fold, stored; `replayProgress` recomputes it from the events alone.

export const QUIZ_ATTEMPTED = 'QuizAttempted';
export const LESSON_COMPLETED = 'LessonCompleted';

export interface QuizAttemptedPayload {
  score: number;
  correctCount: number;
  questionCount: number;
  passed: boolean;
  answers: { questionId: string; optionId: string }[];
}

export interface ProgressState {
  version: number;
  attempts: number;
  bestScore: number;
  lastScore: number;
  completed: boolean;
}

export const EMPTY_PROGRESS: ProgressState = { version: 0, attempts: 0, bestScore: 0, lastScore: 0, completed: false };

export function progressAggregateId(userId: number, lessonId: string): string {
  return `progress:${userId}:${lessonId}`;
}

/** The range of aggregate ids holding one learner's events (the "C" collation orders them bytewise). */
export function learnerAggregateRange(userId: number): [string, string] {
  return [`progress:${userId}:`, `progress:${userId};`]; // ';' is the byte after ':'
}

export function eventsForAttempt(state: ProgressState, attempt: QuizAttemptedPayload): NewEvent[] {
  const events: NewEvent[] = [{ type: QUIZ_ATTEMPTED, payload: { ...attempt } }];
  if (attempt.passed && !state.completed) events.push({ type: LESSON_COMPLETED, payload: { score: attempt.score } });
  return events;
}

export function applyEvent(state: ProgressState, event: Pick<StoredEvent, 'type' | 'payload'>, version: number): ProgressState {
  switch (event.type) {
    case QUIZ_ATTEMPTED: {
      const score = Number(event.payload.score);
      return { ...state, version, attempts: state.attempts + 1, lastScore: score, bestScore: Math.max(state.bestScore, score) };
    }
    case LESSON_COMPLETED:
      return { ...state, version, completed: true };
    default:
      return { ...state, version };
  }
}

export function replayProgress(events: readonly StoredEvent[]): ProgressState {
  return events.reduce((state, event) => applyEvent(state, event, event.version), EMPTY_PROGRESS);
}
