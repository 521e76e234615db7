import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, problemOf, startTestApp, TEST_ADMIN_TOKEN, type TestApp } from '../../test/harness';

describe('PUT /api/v1/me/language', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite' });
  });
  afterAll(() => t?.close());

  it('stores the choice on the learner and keeps it on the next sign-in', async () => {
    const token = await t.signIn(8101, { languageCode: 'en' });
    const response = await call(t.url, 'PUT', '/api/v1/me/language', { token, body: { language: 'ru' } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ language: 'ru' });
    const lookup = await call(t.url, 'GET', '/api/v1/admin/users/8101', { token: TEST_ADMIN_TOKEN });
    expect(lookup.body).toMatchObject({ user: { language: 'ru' } });
    await t.signIn(8101, { languageCode: 'en' }); // Telegram still says en: the learner's own choice wins
    expect((await call(t.url, 'GET', '/api/v1/admin/users/8101', { token: TEST_ADMIN_TOKEN })).body).toMatchObject({ user: { language: 'ru' } });
  });

  it('refuses an unknown language and an anonymous caller', async () => {
    const token = await t.signIn(8102);
    const unknown = await call(t.url, 'PUT', '/api/v1/me/language', { token, body: { language: 'de' } });
    expect(unknown.status).toBe(400);
    expect(problemOf(unknown)?.code).toBe('validation_failed');
    expect((await call(t.url, 'PUT', '/api/v1/me/language', { body: { language: 'ru' } })).status).toBe(401);
  });
});
