import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCache } from '../cache';
import { syncCurriculumFromDir } from '../content/sync';
import { silentLogger } from '../telemetry/logger';
import { createTestDatabase, FIXTURE_CONTENT_DIR, FIXTURE_LESSON_ID, fixtureAnswers, skipWithout, type DbKind, type TestDatabase } from '../testing';
import { findLesson, type LessonRecord } from './catalogue';
import { readEvents } from './event-store';
import { progressAggregateId, replayProgress } from './progress-events';
import { progressSummary } from './progress-summary';
import { recordAttempt } from './record-attempt';
import { upsertTelegramUser } from './users';

const skipPostgres = await skipWithout('postgres');

describe.each<DbKind>(['pglite', 'postgres'])('recordAttempt on %s', (kind) => {
  let t: TestDatabase;
  let lesson: LessonRecord;
  const cache = createCache({ logger: silentLogger });
  beforeAll(async () => {
    if (kind === 'postgres' && skipPostgres) return;
    t = await createTestDatabase(kind);
    await syncCurriculumFromDir({ db: t.db, cache, logger: silentLogger }, FIXTURE_CONTENT_DIR);
    lesson = (await findLesson({ db: t.db, cache }, FIXTURE_LESSON_ID))!;
  });
  afterAll(() => t?.drop());
  const run = kind === 'postgres' && skipPostgres ? it.skip : it;

  run('appends events, keeps the best score, completes once, and the projection equals the replay', async () => {
    const user = await upsertTelegramUser(t.db, { telegramId: 1001, firstName: 'Ada', languageCode: 'ru' });
    const attempt = (correct: 0 | 1 | 2 | 3 | 4) =>
      recordAttempt(t.db, { userId: user.id, lesson, answers: fixtureAnswers(correct), locale: 'en', passMark: 70 });

    const first = await attempt(2);
    expect(first).toMatchObject({ score: 50, passed: false, completed: false, newlyCompleted: false, attempts: 1, version: 1 });
    const second = await attempt(4);
    expect(second).toMatchObject({ score: 100, passed: true, completed: true, newlyCompleted: true, attempts: 2, version: 3 });
    const third = await attempt(3);
    expect(third).toMatchObject({ score: 75, completed: true, newlyCompleted: false, bestScore: 100, attempts: 3, version: 4 });

    const events = await readEvents(t.db, progressAggregateId(user.id, lesson.id));
    expect(events.map((e) => [e.version, e.type])).toEqual([
      [1, 'QuizAttempted'],
      [2, 'QuizAttempted'],
      [3, 'LessonCompleted'],
      [4, 'QuizAttempted'],
    ]);
    expect(events[0]?.metadata).toMatchObject({ userId: user.id });
    const [row] = await t.db.query<{ score: number; last_score: number; completed: boolean; attempts: number; version: number }>(
      'SELECT score, last_score, completed, attempts, version FROM learning_progress WHERE user_id = $1',
      [user.id],
    );
    const replay = replayProgress(events);
    expect(row).toEqual({ score: replay.bestScore, last_score: replay.lastScore, completed: replay.completed, attempts: replay.attempts, version: replay.version });

    const summary = await progressSummary(t.db, user.id);
    expect(summary).toMatchObject({ completedLessons: 1, attemptedLessons: 1, totalLessons: 2, averageScore: 100, currentStreakDays: 1 });
  });

  run('writes nothing for answers that do not match the quiz', async () => {
    const user = await upsertTelegramUser(t.db, { telegramId: 1002, firstName: 'Bob' });
    await expect(
      recordAttempt(t.db, { userId: user.id, lesson, answers: [{ questionId: 'q1', optionId: 'a' }], locale: 'en', passMark: 70 }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await readEvents(t.db, progressAggregateId(user.id, lesson.id))).toEqual([]);
  });

  run('50 concurrent attempts: contiguous versions, nothing lost, projection equals replay', async () => {
    const user = await upsertTelegramUser(t.db, { telegramId: 1003, firstName: 'Cy' });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        recordAttempt(t.db, { userId: user.id, lesson, answers: fixtureAnswers((i % 5) as 0 | 1 | 2 | 3 | 4), locale: 'en', passMark: 70 }),
      ),
    );
    const events = await readEvents(t.db, progressAggregateId(user.id, lesson.id));
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'QuizAttempted')).toHaveLength(50);
    expect(events.filter((e) => e.type === 'LessonCompleted')).toHaveLength(1);
    expect(new Set(outcomes.map((o) => o.version)).size).toBe(50);
    const replay = replayProgress(events);
    expect(replay).toMatchObject({ attempts: 50, bestScore: 100, completed: true });
    const [row] = await t.db.query<{ attempts: number; version: number }>('SELECT attempts, version FROM learning_progress WHERE user_id = $1', [user.id]);
    expect(row).toEqual({ attempts: 50, version: replay.version });
  });
});
