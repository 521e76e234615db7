import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT_DIR } from '../testing/fixtures';
import { readCurriculum } from './parse';

// The fixture curriculum, copied and broken one way per test: each must fail naming the file and the reason.
const dirs: string[] = [];
function copy(): { root: string; course: string } {
  const root = mkdtempSync(join(tmpdir(), 'academy-parse-test-'));
  dirs.push(root);
  cpSync(FIXTURE_CONTENT_DIR, root, { recursive: true });
  return { root, course: join(root, 'fixture-course') };
}
const edit = (file: string, from: string | RegExp, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('readCurriculum validation', () => {
  it('accepts the unbroken fixture and skips hidden files', () => {
    const { root, course } = copy();
    writeFileSync(join(course, '.DS_Store'), 'junk');
    expect(readCurriculum(root)[0]?.lessons).toHaveLength(2);
  });

  it('refuses two lessons sharing a number', () => {
    const { root, course } = copy();
    cpSync(join(course, '02-fixture-lesson-2.en.md'), join(course, '02-another.en.md'));
    expect(() => readCurriculum(root)).toThrow(/02-fixture-lesson-2\.en\.md: lesson number 02 is also used by "another"/);
  });

  it('refuses gaps in the numbering', () => {
    const { root, course } = copy();
    for (const locale of ['en', 'ru']) renameSync(join(course, `02-fixture-lesson-2.${locale}.md`), join(course, `03-fixture-lesson-2.${locale}.md`));
    expect(() => readCurriculum(root)).toThrow(/without gaps; found 03 where 02 belongs/);
  });

  it('refuses a course id that differs from its folder, and duplicate course positions', () => {
    const { root, course } = copy();
    edit(join(course, 'course.yaml'), 'id: fixture-course', 'id: other-course');
    expect(() => readCurriculum(root)).toThrow(/course\.yaml: id "other-course" must equal its folder's name "fixture-course"/);

    const second = copy();
    cpSync(second.course, join(second.root, 'twin-course'), { recursive: true });
    edit(join(second.root, 'twin-course', 'course.yaml'), 'id: fixture-course', 'id: twin-course');
    expect(() => readCurriculum(second.root)).toThrow(/position 1 is also used by course/);
  });

  it('refuses duplicate option ids and a Russian duration that differs', () => {
    const { root, course } = copy();
    edit(join(course, '01-fixture-lesson-1.en.md'), '{ id: b, text: B1 }', '{ id: a, text: B1 }');
    expect(() => readCurriculum(root)).toThrow(/01-fixture-lesson-1\.en\.md: quiz question "q1": option ids must be unique/);

    const other = copy();
    edit(join(other.course, '01-fixture-lesson-1.ru.md'), 'duration: 3', 'duration: 9');
    expect(() => readCurriculum(other.root)).toThrow(/01-fixture-lesson-1\.ru\.md: duration 9 differs/);
  });

  it('refuses ids too long for Telegram callback data', () => {
    const { root, course } = copy();
    for (const locale of ['en', 'ru']) edit(join(course, `01-fixture-lesson-1.${locale}.md`), 'id: fixture-lesson-1', `id: ${'x'.repeat(61)}`);
    expect(() => readCurriculum(root)).toThrow(/01-fixture-lesson-1\.en\.md: id must be at most 60 characters/);
  });

  it('refuses an empty curriculum folder', () => {
    const empty = mkdtempSync(join(tmpdir(), 'academy-parse-test-'));
    dirs.push(empty);
    expect(() => readCurriculum(empty)).toThrow(/has no courses/);
  });
});
