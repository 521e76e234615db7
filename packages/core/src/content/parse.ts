import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { LOCALES, type CourseContent, type LessonContent, type Locale, type QuizQuestion } from './types';

// The curriculum on disk (see content/README.md):
//   <dir>/<course-id>/course.yaml
//   <dir>/<course-id>/<NN>-<slug>.en.md and <NN>-<slug>.ru.md — front matter (id, title, duration, quiz) + Markdown

export class ContentError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ContentError';
  }
}

// At most 60 characters: the bot carries course and lesson ids in Telegram callback data (64 bytes).
const slug = z.string().max(60, 'must be at most 60 characters').regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lowercase letters, digits and dashes');
const text = z.string().trim().min(1, 'must not be empty');
const localized = z.object({ en: text, ru: text }).strict();

const courseSchema = z
  .object({ id: slug, position: z.number().int().min(1), level: z.enum(['beginner', 'intermediate', 'advanced']), title: localized, description: localized })
  .strict();

const lessonFrontMatter = z
  .object({
    id: slug,
    title: text,
    duration: z.number().int().min(1).max(120),
    quiz: z
      .array(
        z
          .object({
            id: slug,
            question: text,
            options: z.array(z.object({ id: slug, text }).strict()).min(2).max(6),
            answer: slug,
            explanation: text,
          })
          .strict(),
      )
      .min(3, 'needs at least 3 questions'),
  })
  .strict();
type LessonFile = z.infer<typeof lessonFrontMatter> & { body: string; raw: string };

const LESSON_FILE = /^(\d{2})-([a-z0-9-]+)\.(en|ru)\.md$/;

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`).join('; ');
}

function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
}

function readLessonFile(file: string): LessonFile {
  const raw = readFileSync(file, 'utf8');
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(raw, { engines: { yaml: (source: string) => parseYaml(source) as object } });
  } catch (error) {
    throw new ContentError(file, `front matter is not valid YAML: ${(error as Error).message}`);
  }
  const result = lessonFrontMatter.safeParse(parsed.data);
  if (!result.success) throw new ContentError(file, describe(result.error));
  const body = parsed.content.trim();
  if (body.length === 0) throw new ContentError(file, 'the lesson body is empty');
  for (const question of result.data.quiz) {
    if (!question.options.some((option) => option.id === question.answer)) {
      throw new ContentError(file, `quiz question "${question.id}": answer "${question.answer}" is not one of its options`);
    }
  }
  const ids = result.data.quiz.map((q) => q.id);
  if (new Set(ids).size !== ids.length) throw new ContentError(file, 'quiz question ids must be unique');
  for (const question of result.data.quiz) {
    const optionIds = question.options.map((option) => option.id);
    if (new Set(optionIds).size !== optionIds.length) throw new ContentError(file, `quiz question "${question.id}": option ids must be unique`);
  }
  return { ...result.data, body, raw };
}

/** The two locales of one lesson must be the same quiz: same ids, options and answers, in the same order. */
function mergeLocales(courseId: string, position: number, files: Record<Locale, string>): LessonContent {
  const en = readLessonFile(files.en);
  const ru = readLessonFile(files.ru);
  if (en.id !== ru.id) throw new ContentError(files.ru, `id "${ru.id}" differs from the English file's "${en.id}"`);
  if (en.duration !== ru.duration) throw new ContentError(files.ru, `duration ${ru.duration} differs from the English file's ${en.duration}`);
  const shape = (lesson: LessonFile) =>
    JSON.stringify(lesson.quiz.map((q) => [q.id, q.answer, q.options.map((o) => o.id)]));
  if (shape(en) !== shape(ru)) {
    throw new ContentError(files.ru, 'quiz differs from the English file (question ids, option ids or answers)');
  }
  const questions: QuizQuestion[] = en.quiz.map((q, i) => {
    const other = ru.quiz[i]!;
    return {
      id: q.id,
      text: { en: q.question, ru: other.question },
      options: q.options.map((o, j) => ({ id: o.id, text: { en: o.text, ru: other.options[j]!.text } })),
      answer: q.answer,
      explanation: { en: q.explanation, ru: other.explanation },
    };
  });
  return {
    id: en.id,
    courseId,
    position,
    title: { en: en.title, ru: ru.title },
    body: { en: en.body, ru: ru.body },
    durationMinutes: en.duration,
    quiz: { questions },
    contentHash: sha256(courseId, String(position), en.raw, ru.raw),
  };
}

function readCourse(dir: string): CourseContent {
  const file = join(dir, 'course.yaml');
  if (!existsSync(file)) throw new ContentError(dir, 'has no course.yaml');
  const raw = readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch (error) {
    throw new ContentError(file, `not valid YAML: ${(error as Error).message}`);
  }
  const result = courseSchema.safeParse(data);
  if (!result.success) throw new ContentError(file, describe(result.error));
  const course = result.data;

  if (basename(dir) !== course.id) throw new ContentError(file, `id "${course.id}" must equal its folder's name "${basename(dir)}"`);

  // Lessons are numbered 01, 02, … without gaps; both locale files of a lesson share one name.
  const byPosition = new Map<number, Partial<Record<Locale, string>> & { slug: string }>();
  for (const name of readdirSync(dir).sort()) {
    if (name === 'course.yaml' || name.startsWith('.')) continue;
    const match = LESSON_FILE.exec(name);
    if (!match) throw new ContentError(join(dir, name), 'is not named NN-slug.en.md or NN-slug.ru.md');
    const position = Number(match[1]);
    const entry = byPosition.get(position) ?? { slug: match[2]! };
    if (entry.slug !== match[2]) {
      throw new ContentError(join(dir, name), `lesson number ${match[1]} is also used by "${entry.slug}"; each lesson needs its own number`);
    }
    entry[match[3] as Locale] = join(dir, name);
    byPosition.set(position, entry);
  }
  [...byPosition.keys()]
    .sort((a, b) => a - b)
    .forEach((position, index) => {
      if (position !== index + 1) throw new ContentError(dir, `lessons must be numbered 01, 02, … without gaps; found ${String(position).padStart(2, '0')} where ${String(index + 1).padStart(2, '0')} belongs`);
    });
  const lessons = [...byPosition.entries()]
    .sort(([a], [b]) => a - b)
    .map(([position, files]) => {
      for (const locale of LOCALES) {
        if (!files[locale]) {
          const other = files.en ?? files.ru ?? dir;
          throw new ContentError(other, `lesson ${position} has no ${locale} file`);
        }
      }
      return mergeLocales(course.id, position, files as Record<Locale, string>);
    });
  if (lessons.length === 0) throw new ContentError(dir, 'has no lessons');
  return { ...course, contentHash: sha256(raw), lessons };
}

/** Reads and validates the whole curriculum; the first problem throws a ContentError naming its file. */
export function readCurriculum(dir: string): CourseContent[] {
  if (!existsSync(dir)) throw new ContentError(dir, 'the content directory does not exist');
  const courses = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => readCourse(join(dir, entry.name)))
    .sort((a, b) => a.position - b.position);
  if (courses.length === 0) throw new ContentError(dir, 'has no courses');
  const positions = new Map<number, string>();
  for (const course of courses) {
    const other = positions.get(course.position);
    if (other) throw new ContentError(join(dir, course.id, 'course.yaml'), `position ${course.position} is also used by course "${other}"`);
    positions.set(course.position, course.id);
  }
  const seen = new Map<string, string>();
  for (const course of courses) {
    for (const lesson of course.lessons) {
      const other = seen.get(lesson.id);
      if (other) throw new ContentError(join(dir, course.id), `lesson id "${lesson.id}" is used in course "${other}" too`);
      seen.set(lesson.id, course.id);
    }
  }
  return courses;
}
