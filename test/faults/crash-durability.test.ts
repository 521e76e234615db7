import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_LESSON_ID, fixtureAnswers } from '@academy/core/testing';
import { academyEnv, signIn, startAcademy } from './support/academy-process';

// Every acknowledged write survives a crash — on the embedded default too: the process is killed with
// SIGKILL (no shutdown hook runs) right after an attempt was acknowledged, and started again on the same DATA_DIR.
describe('an acknowledged attempt survives SIGKILL on the embedded default (PGlite in DATA_DIR)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'academy-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const env = academyEnv({ DATA_DIR: dataDir });

  it('is there after the restart, with its events and projection', async () => {
    const first = await startAcademy(env);
    const token = await signIn(first.url, 9100);
    const attempt = await fetch(`${first.url}/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ answers: fixtureAnswers(4) }),
    });
    expect(attempt.status).toBe(201);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed, not exited: nothing was flushed on the way out

    const second = await startAcademy(env);
    try {
      const progress = await fetch(`${second.url}/api/v1/me/progress`, { headers: { authorization: `Bearer ${await signIn(second.url, 9100)}` } });
      expect(progress.status).toBe(200);
      expect(await progress.json()).toMatchObject({ completedLessons: 1, lessons: [{ lessonId: FIXTURE_LESSON_ID, bestScore: 100, attempts: 1 }] });
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 90_000);
});
