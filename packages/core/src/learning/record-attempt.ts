import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Queryable } from '../db';
import { ConcurrencyConflictError } from '../errors';
import type { Locale } from '../content/types';
import { appendEvents, VersionConflict } from './event-store';
import { KeyedMutex } from './keyed-mutex';
import { applyEvent, EMPTY_PROGRESS, eventsForAttempt, progressAggregateId, type ProgressState } from './progress-events';
import { scoreQuiz, type Answer, type QuestionResult } from './quiz';
import type { LessonRecord } from './catalogue';

export interface AttemptOutcome {
  lessonId: string;
  score: number;
  passed: boolean;
  passMark: number;
  correctCount: number;
  questionCount: number;
  results: QuestionResult[];
  attempts: number;
  bestScore: number;
  completed: boolean;
  /** True when this attempt completed the lesson for the first time. */
  newlyCompleted: boolean;
  nextLessonId: string | null;
  version: number;
}

export const MAX_ATTEMPT_RETRIES = 6;
const writers = new KeyedMutex();

interface ProjectionRow {
  version: number;
  attempts: number;
  score: number;
  last_score: number;
  completed: boolean;
}

async function readState(tx: Queryable, userId: number, lessonId: string): Promise<ProgressState> {
  const [row] = await tx.query<ProjectionRow>(
    'SELECT version, attempts, score, last_score, completed FROM learning_progress WHERE user_id = $1 AND lesson_id = $2',
    [userId, lessonId],
  );
  if (!row) return EMPTY_PROGRESS;
  return { version: row.version, attempts: row.attempts, bestScore: row.score, lastScore: row.last_score, completed: row.completed };
}

async function writeProjection(tx: Queryable, userId: number, lessonId: string, expected: number, next: ProgressState): Promise<void> {
  const rows = await tx.query(
    `INSERT INTO learning_progress (user_id, lesson_id, score, last_score, completed, attempts, version, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 THEN now() END)
     ON CONFLICT (user_id, lesson_id) DO UPDATE
       SET score = EXCLUDED.score, last_score = EXCLUDED.last_score, completed = EXCLUDED.completed,
           attempts = EXCLUDED.attempts, version = EXCLUDED.version, updated_at = now(),
           completed_at = COALESCE(learning_progress.completed_at, EXCLUDED.completed_at)
       WHERE learning_progress.version = $8
     RETURNING version`,
    [userId, lessonId, next.bestScore, next.lastScore, next.completed, next.attempts, next.version, expected],
  );
  // The event insert already guards the version; this is the projection's own guard against a stale write.
  if (rows.length === 0) throw new VersionConflict(progressAggregateId(userId, lessonId));
}

/**
 * Scores a quiz attempt and records it: the events are appended with the expected version and the
 * learning_progress projection is updated in the same transaction. A version conflict (another replica
 * wrote first) is retried with jittered backoff up to MAX_ATTEMPT_RETRIES times, then answered with 409.
 */
export async function recordAttempt(
  db: Db,
  input: { userId: number; lesson: LessonRecord; answers: readonly Answer[]; locale: Locale; passMark: number; metadata?: Record<string, unknown> },
): Promise<AttemptOutcome> {
  const { userId, lesson, passMark } = input;
  const quiz = scoreQuiz(lesson.quiz.questions, input.answers, input.locale); // 422 before any write
  const passed = quiz.score >= passMark;
  const aggregateId = progressAggregateId(userId, lesson.id);

  return writers.run(aggregateId, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await db.transaction(async (tx) => {
          const state = await readState(tx, userId, lesson.id);
          const events = eventsForAttempt(state, {
            score: quiz.score,
            correctCount: quiz.correctCount,
            questionCount: quiz.questionCount,
            passed,
            answers: input.answers.map(({ questionId, optionId }) => ({ questionId, optionId })),
          });
          const version = await appendEvents(tx, aggregateId, state.version, events, { userId, ...input.metadata });
          const next = events.reduce((s, event, i) => applyEvent(s, event, state.version + i + 1), state);
          await writeProjection(tx, userId, lesson.id, state.version, next);
          await tx.query('UPDATE users SET last_active_at = now() WHERE id = $1', [userId]);
          return {
            lessonId: lesson.id,
            score: quiz.score,
            passed,
            passMark,
            correctCount: quiz.correctCount,
            questionCount: quiz.questionCount,
            results: quiz.results,
            attempts: next.attempts,
            bestScore: next.bestScore,
            completed: next.completed,
            newlyCompleted: next.completed && !state.completed,
            nextLessonId: lesson.nextLessonId,
            version,
          };
        });
      } catch (error) {
        if (!(error instanceof VersionConflict)) throw error;
        if (attempt >= MAX_ATTEMPT_RETRIES) throw new ConcurrencyConflictError(aggregateId, attempt);
        await sleep(Math.random() * 20 * attempt);
      }
    }
  });
}
