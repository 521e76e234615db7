import type { Queryable } from '../db';

// A quiz answered in the chat one question at a time (table bot_quiz_runs, migration 0003). Scoring is
// not done here: the finished answers go to recordAttempt like any other attempt.

export const QUIZ_RUN_RETENTION_DAYS = 7;

export interface QuizRun {
  id: number;
  userId: number;
  lessonId: string;
  contentHash: string;
  /** Chosen option ids, in question order. */
  answers: string[];
  finishedAt: Date | null;
}

interface QuizRunRow {
  id: string | number;
  user_id: string | number;
  lesson_id: string;
  content_hash: string;
  answers: string[];
  finished_at: Date | null;
}

const COLUMNS = 'id, user_id, lesson_id, content_hash, answers, finished_at';

function toRun(row: QuizRunRow): QuizRun {
  return {
    id: Number(row.id),
    userId: Number(row.user_id),
    lessonId: row.lesson_id,
    contentHash: row.content_hash,
    answers: row.answers,
    finishedAt: row.finished_at,
  };
}

export async function startQuizRun(db: Queryable, input: { userId: number; lessonId: string; contentHash: string }): Promise<QuizRun> {
  const [row] = await db.query<QuizRunRow>(
    `INSERT INTO bot_quiz_runs (user_id, lesson_id, content_hash) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`,
    [input.userId, input.lessonId, input.contentHash],
  );
  return toRun(row!);
}

/** The run, only if it belongs to this learner (a forged run id finds nothing). */
export async function findQuizRun(db: Queryable, runId: number, userId: number): Promise<QuizRun | undefined> {
  const [row] = await db.query<QuizRunRow>(`SELECT ${COLUMNS} FROM bot_quiz_runs WHERE id = $1 AND user_id = $2`, [runId, userId]);
  return row && toRun(row);
}

/**
 * Records the answer to question `index` — only if exactly `index` questions are answered so far and the
 * run is not finished (compare-and-set, safe across replicas). The answer that completes the quiz also
 * finishes the run. Returns the updated run, or undefined when the question was already answered.
 */
export async function appendQuizAnswer(
  db: Queryable,
  input: { runId: number; userId: number; index: number; optionId: string; questionCount: number },
): Promise<QuizRun | undefined> {
  const [row] = await db.query<QuizRunRow>(
    `UPDATE bot_quiz_runs
        SET answers = answers || jsonb_build_array($4::text),
            finished_at = CASE WHEN jsonb_array_length(answers) + 1 >= $5 THEN now() END,
            updated_at = now()
      WHERE id = $1 AND user_id = $2 AND finished_at IS NULL AND jsonb_array_length(answers) = $3
      RETURNING ${COLUMNS}`,
    [input.runId, input.userId, input.index, input.optionId, input.questionCount],
  );
  return row && toRun(row);
}

/** Takes back the final answer (scoring it failed), so the learner can tap it again. */
export async function reopenQuizRun(db: Queryable, runId: number, userId: number): Promise<void> {
  await db.query(
    `UPDATE bot_quiz_runs SET answers = answers - (-1), finished_at = NULL, updated_at = now()
      WHERE id = $1 AND user_id = $2 AND finished_at IS NOT NULL`,
    [runId, userId],
  );
}

/** Forgets runs untouched for the retention period (finished or abandoned); returns how many. */
export async function pruneQuizRuns(db: Queryable, retentionDays = QUIZ_RUN_RETENTION_DAYS): Promise<number> {
  const rows = await db.query(`DELETE FROM bot_quiz_runs WHERE updated_at < now() - make_interval(days => $1::int) RETURNING id`, [retentionDays]);
  return rows.length;
}
