import type { Queryable } from '../db';
import { learnerAggregateRange } from './progress-events';

export interface LessonProgress {
  lessonId: string;
  bestScore: number;
  lastScore: number;
  completed: boolean;
  attempts: number;
  updatedAt: Date;
}

export interface ProgressSummary {
  completedLessons: number;
  attemptedLessons: number;
  totalLessons: number;
  /** Mean of the best score of each attempted lesson, one decimal; null before the first attempt. */
  averageScore: number | null;
  currentStreakDays: number;
  longestStreakDays: number;
  lastActivityAt: Date | null;
  lessons: LessonProgress[];
}

const DAY_MS = 86_400_000;

/**
 * Streaks over UTC calendar days with at least one attempt. The current streak is alive while its last
 * day is today or yesterday (a learner who studied yesterday has not broken it yet today).
 */
export function streaks(activeDays: readonly string[], today: Date): { current: number; longest: number } {
  const days = [...new Set(activeDays)].map((day) => Date.parse(`${day}T00:00:00Z`)).sort((a, b) => b - a);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i - 1]! - days[i]! === DAY_MS ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const todayStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  let current = 0;
  if (days.length > 0 && todayStart - days[0]! <= DAY_MS) {
    current = 1;
    while (current < days.length && days[current - 1]! - days[current]! === DAY_MS) current++;
  }
  return { current, longest };
}

export async function progressSummary(db: Queryable, userId: number, now = new Date()): Promise<ProgressSummary> {
  const [rows, [total], dayRows] = await Promise.all([
    db.query<{ lesson_id: string; score: number; last_score: number; completed: boolean; attempts: number; updated_at: Date }>(
      `SELECT p.lesson_id, p.score, p.last_score, p.completed, p.attempts, p.updated_at
         FROM learning_progress p JOIN lessons l ON l.id = p.lesson_id
        WHERE p.user_id = $1 ORDER BY l.course_id, l.position`,
      [userId],
    ),
    db.query<{ count: string | number }>('SELECT count(*) AS count FROM lessons WHERE published'),
    db.query<{ day: string }>(
      `SELECT DISTINCT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day
         FROM event_store WHERE aggregate_id >= $1 AND aggregate_id < $2`,
      learnerAggregateRange(userId),
    ),
  ]);
  const lessons = rows.map((row) => ({
    lessonId: row.lesson_id,
    bestScore: row.score,
    lastScore: row.last_score,
    completed: row.completed,
    attempts: row.attempts,
    updatedAt: row.updated_at,
  }));
  const { current, longest } = streaks(
    dayRows.map((row) => row.day),
    now,
  );
  const average = lessons.length === 0 ? null : Math.round((10 * lessons.reduce((sum, l) => sum + l.bestScore, 0)) / lessons.length) / 10;
  return {
    completedLessons: lessons.filter((lesson) => lesson.completed).length,
    attemptedLessons: lessons.length,
    totalLessons: Number(total?.count ?? 0),
    averageScore: average,
    currentStreakDays: current,
    longestStreakDays: longest,
    lastActivityAt: lessons.reduce<Date | null>((latest, l) => (latest && latest > l.updatedAt ? latest : l.updatedAt), null),
    lessons,
  };
}
