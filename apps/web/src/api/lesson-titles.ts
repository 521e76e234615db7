import type { ApiClient } from './client';
import type { Locale } from './types';

/**
 * Lesson id → title, from the catalogue (one request per course, a handful). Progress lists lesson ids only;
 * the progress page shows titles with this and falls back to ids if it fails.
 */
export async function lessonTitles(api: ApiClient, locale: Locale): Promise<Map<string, string>> {
  const { courses } = await api.courses(locale);
  const details = await Promise.all(courses.map((course) => api.course(course.id, locale)));
  return new Map(details.flatMap((course) => course.lessons.map((lesson) => [lesson.id, lesson.title] as const)));
}
