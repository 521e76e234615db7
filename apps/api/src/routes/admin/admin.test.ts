import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT_DIR } from '@academy/core/testing';
import { call, problemOf, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../test/harness';

describe('admin endpoints', () => {
  let t: TestApp;
  const contentDir = mkdtempSync(join(tmpdir(), 'academy-content-'));
  beforeAll(async () => {
    cpSync(FIXTURE_CONTENT_DIR, contentDir, { recursive: true });
    t = await startTestApp({ database: 'pglite', env: { CONTENT_DIR: contentDir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(contentDir, { recursive: true, force: true });
  });
  const admin = { token: TEST_ADMIN_TOKEN };

  it('refuses a wrong admin token', async () => {
    const response = await call(t.url, 'POST', '/api/v1/admin/content/sync', { token: 'not-the-admin-token-at-all' });
    expect(response.status).toBe(401);
  });

  it('syncs idempotently, then picks up an edit and serves it (the cache is invalidated)', async () => {
    const again = await call(t.url, 'POST', '/api/v1/admin/content/sync', admin);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ lessons: { created: 0, updated: 0, unchanged: 2 } });

    expect((await call(t.url, 'GET', '/api/v1/lessons/fixture-lesson-1?locale=en')).body).toMatchObject({ title: 'Fixture lesson 1' });
    const file = join(contentDir, 'fixture-course', '01-fixture-lesson-1.en.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: Fixture lesson 1', 'title: Fixture lesson one'));
    const edited = await call(t.url, 'POST', '/api/v1/admin/content/sync', admin);
    expect(edited.body).toMatchObject({ lessons: { updated: 1, unchanged: 1 } });
    expect((await call(t.url, 'GET', '/api/v1/lessons/fixture-lesson-1?locale=en')).body).toMatchObject({ title: 'Fixture lesson one' });
  });

  it('refuses a malformed lesson with 422 naming the file, and imports nothing', async () => {
    const broken = join(contentDir, 'fixture-course', '02-fixture-lesson-2.ru.md');
    writeFileSync(broken, '---\nid: fixture-lesson-2\ntitle: [unclosed\n---\nbody');
    const response = await call(t.url, 'POST', '/api/v1/admin/content/sync', admin);
    expect(response.status).toBe(422);
    expect(problemOf(response)?.code).toBe('content_invalid');
    expect(JSON.stringify(response.body)).toContain('02-fixture-lesson-2.ru.md');
    expect((await call(t.url, 'GET', '/api/v1/lessons/fixture-lesson-1?locale=en')).body).toMatchObject({ title: 'Fixture lesson one' });
  });

  it('looks a learner up by Telegram id with their progress', async () => {
    await t.signIn(4242, { firstName: 'Grace', languageCode: 'ru' });
    const found = await call(t.url, 'GET', '/api/v1/admin/users/4242', admin);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ user: { telegramId: 4242, firstName: 'Grace', language: 'ru', isActive: true }, progress: { attemptedLessons: 0 } });
    expect((await call(t.url, 'GET', '/api/v1/admin/users/999999', admin)).status).toBe(404);
  });
});
