import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_LESSON_ID } from '@academy/core/testing';
import { BODY_LIMIT_BYTES } from '../app';
import { call, problemOf, startTestApp, type TestApp } from '../test/harness';

// Bad input is a 4xx problem+json with a stable code — never a 5xx, never a write.
describe('bad input', () => {
  let t: TestApp;
  let token: string;
  const path = `/api/v1/lessons/${FIXTURE_LESSON_ID}/attempts`;
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite' });
    token = await t.signIn(3001);
  });
  afterAll(() => t?.close());

  const cases: [string, () => Promise<Awaited<ReturnType<typeof call>>>, number, string][] = [
    ['malformed JSON', () => call(t.url, 'POST', path, { token, body: '{"answers": [' }), 400, 'invalid_json'],
    ['wrong types', () => call(t.url, 'POST', path, { token, body: { answers: 'all of them' } }), 400, 'validation_failed'],
    ['a missing body', () => call(t.url, 'POST', path, { token, body: {} }), 400, 'validation_failed'],
    ['an unknown field in an answer', () => call(t.url, 'POST', path, { token, body: { answers: [{ questionId: 'q1', optionId: 'a', extra: 1 }] } }), 400, 'validation_failed'],
    ['answers that do not match the quiz', () => call(t.url, 'POST', path, { token, body: { answers: [{ questionId: 'q9', optionId: 'a' }] } }), 422, 'validation_failed'],
    ['an unknown lesson', () => call(t.url, 'POST', '/api/v1/lessons/no-such-lesson/attempts', { token, body: { answers: [{ questionId: 'q1', optionId: 'a' }] } }), 404, 'not_found'],
    ['an unsupported locale', () => call(t.url, 'GET', `/api/v1/lessons/${FIXTURE_LESSON_ID}?locale=de`), 400, 'validation_failed'],
    ['a body over the limit', () => call(t.url, 'POST', path, { token, body: JSON.stringify({ answers: [], pad: 'x'.repeat(BODY_LIMIT_BYTES) }) }), 413, 'payload_too_large'],
    ['a non-JSON content type', () => call(t.url, 'POST', path, { token, body: 'answers', headers: { 'content-type': 'text/csv' } }), 415, 'unsupported_media_type'],
    ['an unknown route', () => call(t.url, 'GET', '/api/v1/nothing-here'), 404, 'route_not_found'],
    ['an admin endpoint without the token', () => call(t.url, 'POST', '/api/v1/admin/content/sync'), 401, 'unauthorized'],
  ];

  it.each(cases)('%s → problem+json', async (_name, send, status, code) => {
    const response = await send();
    expect(response.status).toBe(status);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ status, code });
  });

  it('names the offending fields', async () => {
    const response = await call(t.url, 'POST', path, { token, body: { answers: [{ questionId: 7 }] } });
    expect(problemOf(response)?.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['body.answers.0.questionId']));
  });

  it('wrote nothing for any of the refused attempts', async () => {
    const [row] = await t.deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store');
    expect(row?.n).toBe(0);
  });
});
