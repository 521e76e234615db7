import type { Cache } from '../cache';
import type { Queryable } from '../db';
import type { LessonContent, Locale, Localized, QuizQuestion } from '../content/types';

// The catalogue is read on every screen and changes only on a content sync: cache-aside for an hour
// (the playbook's TTL), invalidated by the sync. Records hold both locales; presentation picks one.

export const CATALOGUE_TTL_SECONDS = 3600;
export const CACHE_PREFIXES = { catalogue: 'catalogue:', lesson: 'lesson:' } as const;

export interface LessonSummary {
  id: string;
  position: number;
  title: Localized;
  durationMinutes: number;
}

export interface CourseRecord {
  id: string;
  position: number;
  level: string;
  title: Localized;
  description: Localized;
  lessons: LessonSummary[];
}

/** A lesson as stored: its content plus its neighbours in the course. */
export interface LessonRecord extends LessonContent {
  previousLessonId: string | null;
  nextLessonId: string | null;
}

export interface CatalogueDeps {
  db: Queryable;
  cache: Cache;
}

export async function listCourses({ db, cache }: CatalogueDeps): Promise<CourseRecord[]> {
  const courses = await cache.getOrLoad(`${CACHE_PREFIXES.catalogue}courses`, CATALOGUE_TTL_SECONDS, async () => {
    const courseRows = await db.query<{ id: string; position: number; level: string; title: Localized; description: Localized }>(
      'SELECT id, position, level, title, description FROM courses WHERE published ORDER BY position, id',
    );
    const lessonRows = await db.query<{ id: string; course_id: string; position: number; title: Localized; duration_minutes: number }>(
      'SELECT id, course_id, position, title, duration_minutes FROM lessons WHERE published ORDER BY course_id, position',
    );
    return courseRows.map((course) => ({
      ...course,
      lessons: lessonRows
        .filter((lesson) => lesson.course_id === course.id)
        .map((lesson) => ({ id: lesson.id, position: lesson.position, title: lesson.title, durationMinutes: lesson.duration_minutes })),
    }));
  });
  return courses ?? [];
}

export async function findCourse(deps: CatalogueDeps, courseId: string): Promise<CourseRecord | undefined> {
  return (await listCourses(deps)).find((course) => course.id === courseId);
}

export async function findLesson({ db, cache }: CatalogueDeps, lessonId: string): Promise<LessonRecord | undefined> {
  return cache.getOrLoad(`${CACHE_PREFIXES.lesson}${lessonId}`, CATALOGUE_TTL_SECONDS, async () => {
    const [row] = await db.query<{
      id: string;
      course_id: string;
      position: number;
      title: Localized;
      body: Localized;
      duration_minutes: number;
      quiz: { questions: QuizQuestion[] };
      content_hash: string;
      previous_lesson_id: string | null;
      next_lesson_id: string | null;
    }>(
      `SELECT * FROM (
         SELECT id, course_id, position, title, body, duration_minutes, quiz, content_hash, published,
                lag(id)  OVER (PARTITION BY course_id ORDER BY position) AS previous_lesson_id,
                lead(id) OVER (PARTITION BY course_id ORDER BY position) AS next_lesson_id
           FROM lessons WHERE published AND course_id = (SELECT course_id FROM lessons WHERE id = $1)
       ) AS course_lessons WHERE id = $1`,
      [lessonId],
    );
    if (!row) return undefined;
    return {
      id: row.id,
      courseId: row.course_id,
      position: row.position,
      title: row.title,
      body: row.body,
      durationMinutes: row.duration_minutes,
      quiz: row.quiz,
      contentHash: row.content_hash,
      previousLessonId: row.previous_lesson_id,
      nextLessonId: row.next_lesson_id,
    };
  });
}

/** What a learner sees: one locale, and the quiz without its answers or explanations. */
export function presentLesson(lesson: LessonRecord, locale: Locale) {
  return {
    id: lesson.id,
    courseId: lesson.courseId,
    position: lesson.position,
    locale,
    title: lesson.title[locale],
    body: lesson.body[locale],
    durationMinutes: lesson.durationMinutes,
    previousLessonId: lesson.previousLessonId,
    nextLessonId: lesson.nextLessonId,
    quiz: {
      questions: lesson.quiz.questions.map((question) => ({
        id: question.id,
        text: question.text[locale],
        options: question.options.map((option) => ({ id: option.id, text: option.text[locale] })),
      })),
    },
  };
}

export function presentCourse(course: CourseRecord, locale: Locale) {
  return {
    id: course.id,
    position: course.position,
    level: course.level,
    title: course.title[locale],
    description: course.description[locale],
    lessonCount: course.lessons.length,
    durationMinutes: course.lessons.reduce((sum, lesson) => sum + lesson.durationMinutes, 0),
  };
}

export function presentCourseWithLessons(course: CourseRecord, locale: Locale) {
  return {
    ...presentCourse(course, locale),
    lessons: course.lessons.map((lesson) => ({ id: lesson.id, position: lesson.position, title: lesson.title[locale], durationMinutes: lesson.durationMinutes })),
  };
}
