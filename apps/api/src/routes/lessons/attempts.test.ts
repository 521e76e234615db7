import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressAggregateId, readEvents, replayProgress } from '@academy/core';
import { FIXTURE_LESSON_ID, fixtureAnswers, skipWithout } from '@academy/core/testing';
import { call, problemOf, startTestApp, type TestApp } from '../../test/harness';

const skipPostgres = await skipWithout('postgres');
const attemptPath = `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`;

async function projectionMatchesReplay(t: TestApp, userId: number) {
  const events = await readEvents(t.deps.db, progressAggregateId(userId, FIXTURE_LESSON_ID));
  const [row] = await t.deps.db.query<{ score: number; last_score: number; completed: boolean; attempts: number; version: number }>(
    'SELECT score, last_score, completed, attempts, version FROM learning_progress WHERE user_id = $1 AND lesson_id = $2',
    [userId, FIXTURE_LESSON_ID],
  );
  const replay = replayProgress(events);
  return { events, row, replay };
}

describe.skipIf(skipPostgres)('POST /api/v1/lessons/:id/attempts on PostgreSQL', () => {
  let t: TestApp;
  let replica: TestApp; // a second app instance on the same database, as a second pod would be
  beforeAll(async () => {
    t = await startTestApp({ database: 'postgres' });
    replica = await startTestApp({ database: { url: t.deps.config.DATABASE_URL! }, prepare: false });
  });
  afterAll(async () => {
    await replica?.close();
    await t?.close();
  });

  it('scores on the server and shows up in /me/progress', async () => {
    const token = await t.signIn(2001);
    const attempt = await call(t.url, 'POST', attemptPath, { token, body: { answers: fixtureAnswers(3), locale: 'ru' } });
    expect(attempt.status).toBe(201);
    expect(attempt.body).toMatchObject({ score: 75, passed: true, completed: true, newlyCompleted: true, passMark: 70, nextLessonId: 'fixture-lesson-2' });
    expect((attempt.body as { results: { explanation: string }[] }).results[0]?.explanation).toBe('ru explanation 1');
    const progress = await call(t.url, 'GET', '/api/v1/me/progress', { token });
    expect(progress.body).toMatchObject({ completedLessons: 1, attemptedLessons: 1, totalLessons: 2, averageScore: 75, currentStreakDays: 1 });
  });

  it('50 concurrent attempts by one learner: all acknowledged, contiguous versions, projection equals replay', async () => {
    const token = await t.signIn(2002);
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => call(t.url, 'POST', attemptPath, { token, body: { answers: fixtureAnswers((i % 5) as 0 | 1 | 2 | 3 | 4) } })),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(201));
    const userId = (await t.deps.db.query<{ id: string }>('SELECT id FROM users WHERE telegram_id = 2002'))[0]!.id;
    const { events, row, replay } = await projectionMatchesReplay(t, Number(userId));
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'QuizAttempted')).toHaveLength(50);
    expect(row).toEqual({ score: replay.bestScore, last_score: replay.lastScore, completed: replay.completed, attempts: 50, version: replay.version });
  });

  it('two replicas writing at once: every acknowledged attempt is recorded, conflicts are 409 problem+json', async () => {
    const token = await t.signIn(2003);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(i % 2 === 0 ? t.url : replica.url, 'POST', attemptPath, { token, body: { answers: fixtureAnswers(4) } })),
    );
    const acknowledged = responses.filter((r) => r.status === 201).length;
    const conflicts = responses.filter((r) => r.status === 409);
    expect(acknowledged + conflicts.length).toBe(40);
    for (const conflict of conflicts) expect(problemOf(conflict)?.code).toBe('concurrency_conflict');
    const userId = Number((await t.deps.db.query<{ id: string }>('SELECT id FROM users WHERE telegram_id = 2003'))[0]!.id);
    const { events, row, replay } = await projectionMatchesReplay(t, userId);
    expect(events.filter((e) => e.type === 'QuizAttempted')).toHaveLength(acknowledged);
    expect(events.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
    expect(row?.attempts).toBe(acknowledged);
    expect(row?.version).toBe(replay.version);
  });
});
