import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, readCurriculum } from '../packages/core/src/content/parse';
import { LOCALES } from '../packages/core/src/content/types';
import { coursesDir } from './index';

describe('the shipped curriculum', () => {
  const courses = readCurriculum(coursesDir);
  const lessons = courses.flatMap((course) => course.lessons);

  it('has at least 3 courses and 12 lessons', () => {
    expect(courses.length).toBeGreaterThanOrEqual(3);
    expect(lessons.length).toBeGreaterThanOrEqual(12);
  });

  it('orders courses by distinct positions and uses unique course ids', () => {
    const positions = courses.map((course) => course.position);
    expect(new Set(positions).size).toBe(courses.length);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(courses.map((course) => course.id)).size).toBe(courses.length);
  });

  it('gives every course a title and description in both locales and at least one lesson', () => {
    for (const course of courses) {
      for (const locale of LOCALES) {
        expect(course.title[locale].trim(), `${course.id} title.${locale}`).not.toBe('');
        expect(course.description[locale].trim(), `${course.id} description.${locale}`).not.toBe('');
      }
      expect(course.lessons.length, course.id).toBeGreaterThan(0);
    }
  });

  it('uses lesson ids that are unique across the curriculum', () => {
    const ids = lessons.map((lesson) => lesson.id);
    const duplicates = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(duplicates).toEqual([]);
  });

  it('numbers the lessons of each course 1, 2, 3… without gaps', () => {
    for (const course of courses) {
      expect(course.lessons.map((lesson) => lesson.position), course.id).toEqual(
        course.lessons.map((_, index) => index + 1),
      );
      for (const lesson of course.lessons) expect(lesson.courseId).toBe(course.id);
    }
  });

  describe.each(lessons.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (_id, lesson) => {
    it('has a title and a body in English and Russian', () => {
      for (const locale of LOCALES) {
        expect(lesson.title[locale].trim(), `title.${locale}`).not.toBe('');
        expect(lesson.body[locale].trim(), `body.${locale}`).not.toBe('');
      }
      // The Russian text is a translation, not a copy of the English one.
      expect(lesson.body.ru).not.toBe(lesson.body.en);
      expect(lesson.body.ru).toMatch(/[а-яё]/i);
    });

    it('contains a Swift code block in both locales', () => {
      for (const locale of LOCALES) {
        expect(lesson.body[locale], `body.${locale}`).toMatch(/^```swift\n[\s\S]+?\n```$/m);
      }
    });

    it('has a quiz of at least 3 questions whose answers are among their options', () => {
      const { questions } = lesson.quiz;
      expect(questions.length).toBeGreaterThanOrEqual(3);
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
      for (const question of questions) {
        const optionIds = question.options.map((option) => option.id);
        expect(question.options.length, question.id).toBeGreaterThanOrEqual(2);
        expect(new Set(optionIds).size, `${question.id} option ids`).toBe(optionIds.length);
        expect(optionIds, `${question.id} answer`).toContain(question.answer);
        for (const locale of LOCALES) {
          expect(question.text[locale].trim(), `${question.id} text.${locale}`).not.toBe('');
          expect(question.explanation[locale].trim(), `${question.id} explanation.${locale}`).not.toBe('');
          for (const option of question.options) {
            expect(option.text[locale].trim(), `${question.id}/${option.id} text.${locale}`).not.toBe('');
          }
        }
      }
    });
  });
});

describe('readCurriculum rejects malformed content', () => {
  const tempDirs: string[] = [];
  afterAll(() => {
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  const courseYaml = [
    'id: sample-course',
    'position: 1',
    'level: beginner',
    'title: { en: Sample, ru: Пример }',
    'description: { en: A sample course., ru: Пример курса. }',
    '',
  ].join('\n');

  interface LessonOptions {
    id?: string;
    optionIds?: string[];
    answer?: string;
    locale?: 'en' | 'ru';
  }

  function lessonFile({ id = 'sample-lesson', optionIds = ['a', 'b', 'c'], answer = 'a', locale = 'en' }: LessonOptions = {}): string {
    const question = (qid: string) =>
      [
        `  - id: ${qid}`,
        `    question: "Question ${qid} (${locale})?"`,
        '    options:',
        ...optionIds.map((option) => `      - { id: ${option}, text: "Option ${option}" }`),
        `    answer: ${answer}`,
        `    explanation: "Because ${answer}."`,
      ].join('\n');
    return [
      '---',
      `id: ${id}`,
      `title: ${locale === 'en' ? 'Sample lesson' : 'Пример урока'}`,
      'duration: 5',
      'quiz:',
      question('q1'),
      question('q2'),
      question('q3'),
      '---',
      locale === 'en' ? 'Body text.' : 'Текст урока.',
      '',
      '```swift',
      'let x = 1',
      '```',
      '',
    ].join('\n');
  }

  /** Writes one course folder with the given lesson files into a fresh temp directory. */
  function curriculumWith(files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'academy-curriculum-test-'));
    tempDirs.push(root);
    const courseDir = join(root, 'sample-course');
    mkdirSync(courseDir);
    writeFileSync(join(courseDir, 'course.yaml'), courseYaml);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(courseDir, name), text);
    return root;
  }

  it('accepts the well-formed fixture the other cases start from', () => {
    const dir = curriculumWith({
      '01-intro.en.md': lessonFile({ locale: 'en' }),
      '01-intro.ru.md': lessonFile({ locale: 'ru' }),
    });
    const [course, ...rest] = readCurriculum(dir);
    expect(rest).toEqual([]);
    expect(course?.id).toBe('sample-course');
    expect(course?.lessons.map((lesson) => lesson.id)).toEqual(['sample-lesson']);
    expect(course?.lessons[0]?.title).toEqual({ en: 'Sample lesson', ru: 'Пример урока' });
    expect(course?.lessons[0]?.quiz.questions.map((q) => q.text.ru)).toEqual([
      'Question q1 (ru)?',
      'Question q2 (ru)?',
      'Question q3 (ru)?',
    ]);
  });

  it('rejects a lesson whose answer is not one of its options', () => {
    const dir = curriculumWith({
      '01-intro.en.md': lessonFile({ locale: 'en', answer: 'nope' }),
      '01-intro.ru.md': lessonFile({ locale: 'ru' }),
    });
    expect(() => readCurriculum(dir)).toThrow(ContentError);
    expect(() => readCurriculum(dir)).toThrow(
      /[\\/]01-intro\.en\.md: quiz question "q1": answer "nope" is not one of its options/,
    );
  });

  it('rejects a lesson that only has an English file', () => {
    const dir = curriculumWith({ '01-intro.en.md': lessonFile({ locale: 'en' }) });
    expect(() => readCurriculum(dir)).toThrow(ContentError);
    expect(() => readCurriculum(dir)).toThrow(/[\\/]01-intro\.en\.md: lesson 1 has no ru file/);
  });

  it('rejects a Russian file whose quiz option ids differ from the English file', () => {
    const dir = curriculumWith({
      '01-intro.en.md': lessonFile({ locale: 'en', optionIds: ['a', 'b', 'c'] }),
      '01-intro.ru.md': lessonFile({ locale: 'ru', optionIds: ['a', 'b', 'd'] }),
    });
    expect(() => readCurriculum(dir)).toThrow(ContentError);
    expect(() => readCurriculum(dir)).toThrow(
      /[\\/]01-intro\.ru\.md: quiz differs from the English file \(question ids, option ids or answers\)/,
    );
  });

  it('rejects front matter that is not valid YAML', () => {
    const broken = lessonFile({ locale: 'en' }).replace('title: Sample lesson', 'title: [unclosed');
    expect(broken).toContain('title: [unclosed');
    const dir = curriculumWith({
      '01-intro.en.md': broken,
      '01-intro.ru.md': lessonFile({ locale: 'ru' }),
    });
    expect(() => readCurriculum(dir)).toThrow(ContentError);
    expect(() => readCurriculum(dir)).toThrow(/[\\/]01-intro\.en\.md: front matter is not valid YAML: \S/);
  });
});
