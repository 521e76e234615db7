import { describe, expect, it } from 'vitest';
import { parseRoute, pathOf, type Route } from './router';

describe('routes', () => {
  it('round-trip through real paths', () => {
    const routes: Route[] = [{ name: 'courses' }, { name: 'course', courseId: 'swift-basics' }, { name: 'lesson', lessonId: 'swift optionals/1' }, { name: 'progress' }];
    for (const route of routes) expect(parseRoute(pathOf(route))).toEqual(route);
  });

  it('send anything else to "not found"', () => {
    expect(parseRoute('/lessons')).toEqual({ name: 'notFound' });
    expect(parseRoute('/courses/a/b')).toEqual({ name: 'notFound' });
    expect(parseRoute('/admin')).toEqual({ name: 'notFound' });
    expect(parseRoute('/courses/')).toEqual({ name: 'notFound' });
  });
});
