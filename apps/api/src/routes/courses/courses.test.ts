import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, problemOf, startTestApp, type TestApp } from '../../test/harness';

describe('catalogue endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ database: 'pglite' });
  });
  afterAll(() => t?.close());

  it('lists courses in the requested locale, then by Accept-Language', async () => {
    const ru = await call(t.url, 'GET', '/api/v1/courses?locale=ru');
    expect(ru.status).toBe(200);
    expect(ru.body).toMatchObject({ locale: 'ru', courses: [{ id: 'fixture-course', title: 'Тестовый курс', lessonCount: 2 }] });
    const en = await call(t.url, 'GET', '/api/v1/courses', { headers: { 'accept-language': 'de-DE, en;q=0.8' } });
    expect(en.body).toMatchObject({ locale: 'en', courses: [{ title: 'Fixture Course' }] });
  });

  it('returns a course with its lessons in order', async () => {
    const response = await call(t.url, 'GET', '/api/v1/courses/fixture-course?locale=en');
    expect(response.status).toBe(200);
    const body = response.body as { lessons: { id: string; title: string }[] };
    expect(body.lessons.map((lesson) => lesson.id)).toEqual(['fixture-lesson-1', 'fixture-lesson-2']);
  });

  it('returns a lesson with its quiz but never the answers or explanations', async () => {
    const response = await call(t.url, 'GET', '/api/v1/lessons/fixture-lesson-1?locale=ru');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'fixture-lesson-1', locale: 'ru', title: 'Тестовый урок 1', nextLessonId: 'fixture-lesson-2', previousLessonId: null });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/"answer"|explanation|correct/);
    expect((response.body as { quiz: { questions: unknown[] } }).quiz.questions).toHaveLength(4);
  });

  it('answers unknown courses and lessons with 404 problem+json', async () => {
    for (const path of ['/api/v1/courses/nope', '/api/v1/lessons/nope']) {
      const response = await call(t.url, 'GET', path);
      expect(response.status).toBe(404);
      expect(problemOf(response)?.code).toBe('not_found');
    }
  });

  it('serves the OpenAPI document generated from the route schemas', async () => {
    const response = await call(t.url, 'GET', '/docs/json');
    expect(response.status).toBe(200);
    const paths = Object.keys((response.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/courses', '/api/v1/lessons/{lessonId}/attempts', '/api/v1/auth/telegram', '/api/v1/me/progress']));
    expect((await call(t.url, 'GET', '/docs')).status).toBeLessThan(400);
  });
});
