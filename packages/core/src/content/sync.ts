import type { Cache } from '../cache';
import type { Db, Queryable } from '../db';
import { CACHE_PREFIXES } from '../learning/catalogue';
import type { Logger } from '../telemetry/logger';
import { readCurriculum } from './parse';
import type { CourseContent, LessonContent } from './types';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
  unpublished: number;
}

export interface SyncReport {
  courses: SyncCounts;
  lessons: SyncCounts;
}

const emptyCounts = (): SyncCounts => ({ created: 0, updated: 0, unchanged: 0, unpublished: 0 });

async function currentHashes(tx: Queryable, table: 'courses' | 'lessons'): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; content_hash: string; published: boolean }>(`SELECT id, content_hash, published FROM ${table}`);
  // An unpublished row counts as changed so that a returning course or lesson is published again.
  return new Map(rows.map((row) => [row.id, row.published ? row.content_hash : '']));
}

function count(counts: SyncCounts, existing: string | undefined, hash: string): boolean {
  if (existing === hash) {
    counts.unchanged++;
    return false;
  }
  if (existing === undefined) counts.created++;
  else counts.updated++;
  return true;
}

async function upsertCourse(tx: Queryable, course: CourseContent): Promise<void> {
  await tx.query(
    `INSERT INTO courses (id, position, level, title, description, content_hash, published)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, true)
     ON CONFLICT (id) DO UPDATE SET position = EXCLUDED.position, level = EXCLUDED.level, title = EXCLUDED.title,
       description = EXCLUDED.description, content_hash = EXCLUDED.content_hash, published = true, updated_at = now()`,
    [course.id, course.position, course.level, JSON.stringify(course.title), JSON.stringify(course.description), course.contentHash],
  );
}

async function upsertLesson(tx: Queryable, lesson: LessonContent): Promise<void> {
  await tx.query(
    `INSERT INTO lessons (id, course_id, position, title, body, quiz, duration_minutes, content_hash, published)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7, $8, true)
     ON CONFLICT (id) DO UPDATE SET course_id = EXCLUDED.course_id, position = EXCLUDED.position, title = EXCLUDED.title,
       body = EXCLUDED.body, quiz = EXCLUDED.quiz, duration_minutes = EXCLUDED.duration_minutes,
       content_hash = EXCLUDED.content_hash, published = true, updated_at = now()`,
    [
      lesson.id,
      lesson.courseId,
      lesson.position,
      JSON.stringify(lesson.title),
      JSON.stringify(lesson.body),
      JSON.stringify(lesson.quiz),
      lesson.durationMinutes,
      lesson.contentHash,
    ],
  );
}

// Rows that left the curriculum are unpublished, not deleted: learners' progress still refers to them.
async function unpublishMissing(tx: Queryable, table: 'courses' | 'lessons', keep: string[]): Promise<number> {
  const rows = await tx.query(`UPDATE ${table} SET published = false, updated_at = now() WHERE published AND NOT (id = ANY($1::text[])) RETURNING id`, [keep]);
  return rows.length;
}

/**
 * Imports a validated curriculum in one transaction: only what changed (by content hash) is written,
 * then the cached catalogue and lessons are invalidated. Running it twice writes nothing the second time.
 */
export async function syncCurriculum(deps: { db: Db; cache: Cache; logger: Logger }, courses: CourseContent[]): Promise<SyncReport> {
  const report: SyncReport = { courses: emptyCounts(), lessons: emptyCounts() };
  await deps.db.transaction(async (tx) => {
    const courseHashes = await currentHashes(tx, 'courses');
    const lessonHashes = await currentHashes(tx, 'lessons');
    for (const course of courses) {
      if (count(report.courses, courseHashes.get(course.id), course.contentHash)) await upsertCourse(tx, course);
      for (const lesson of course.lessons) {
        if (count(report.lessons, lessonHashes.get(lesson.id), lesson.contentHash)) await upsertLesson(tx, lesson);
      }
    }
    report.lessons.unpublished = await unpublishMissing(tx, 'lessons', courses.flatMap((c) => c.lessons.map((l) => l.id)));
    report.courses.unpublished = await unpublishMissing(tx, 'courses', courses.map((c) => c.id));
  });
  const changed = (counts: SyncCounts) => counts.created + counts.updated + counts.unpublished > 0;
  if (changed(report.courses) || changed(report.lessons)) {
    await deps.cache.invalidatePrefix(CACHE_PREFIXES.catalogue);
    await deps.cache.invalidatePrefix(CACHE_PREFIXES.lesson);
  }
  deps.logger.info({ report }, 'curriculum synced');
  return report;
}

/** Reads the curriculum from disk (a malformed file throws before anything is written) and syncs it. */
export async function syncCurriculumFromDir(deps: { db: Db; cache: Cache; logger: Logger }, dir: string): Promise<SyncReport> {
  return syncCurriculum(deps, readCurriculum(dir));
}
