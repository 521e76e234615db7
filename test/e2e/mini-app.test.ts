// The Mini App in real Chromium against the running academy: a learner opens it from Telegram (signed
// initData), picks a course, reads a lesson with highlighted Swift, answers its quiz, and sees the score and
// their progress change — in English on the light theme and in Russian on the dark one.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, ru, type Messages } from '../../apps/web/src/i18n/messages';
import { startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import { seriousViolations } from './support/axe';
import { launchChromium, openPhonePage, screenshot, skipWithoutChromium, type TestBrowser } from './support/browser';
import { DARK_THEME, LIGHT_THEME, openedFromTelegram, type FakeTelegramState, type ThemeParams } from './support/fake-telegram';
import { signedInitData } from './support/telegram-user';

const skip = skipWithoutChromium();

interface Case {
  locale: 'en' | 'ru';
  t: Messages;
  scheme: 'light' | 'dark';
  theme: ThemeParams;
  courseTitle: string;
  lessonTitle: string;
  explanation4: string;
}

const CASES: Case[] = [
  { locale: 'en', t: en, scheme: 'light', theme: LIGHT_THEME, courseTitle: 'Fixture Course', lessonTitle: 'Fixture lesson 1', explanation4: 'en explanation 4' },
  { locale: 'ru', t: ru, scheme: 'dark', theme: DARK_THEME, courseTitle: 'Тестовый курс', lessonTitle: 'Тестовый урок 1', explanation4: 'ru explanation 4' },
];

const telegramState = (page: Page) => page.evaluate(() => (window as unknown as { __telegram: { state: FakeTelegramState } }).__telegram.state);
const clickMainButton = (page: Page) => page.evaluate(() => (window as unknown as { __telegram: { clickMain(): void } }).__telegram.clickMain());
const clickBackButton = (page: Page) => page.evaluate(() => (window as unknown as { __telegram: { clickBack(): void } }).__telegram.clickBack());
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

describe.skipIf(skip)('the Mini App in Chromium', () => {
  let app: TestApp;
  let chromium: TestBrowser;

  beforeAll(async () => {
    [app, chromium] = await Promise.all([startTestApp({ database: 'pglite' }), launchChromium()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  for (const [index, c] of CASES.entries()) {
    it(`signs in from Telegram and takes a lesson's quiz (${c.locale}, ${c.scheme} theme)`, async () => {
      const name = `${c.locale}-${c.scheme}`;
      const { context, page, problems } = await openPhonePage(chromium.browser, app.url, { colorScheme: c.scheme });
      const initData = signedInitData({ id: 7_000_000 + index, firstName: c.locale === 'ru' ? 'Анна' : 'Alex', languageCode: c.locale });
      await openedFromTelegram(page, { initData, languageCode: c.locale, colorScheme: c.scheme, themeParams: c.theme });
      const { t } = c;
      try {
        // Course list, in the learner's language and Telegram's colours.
        await page.goto(app.url);
        await page.getByRole('heading', { name: t.courses.title, level: 1 }).waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(c.locale);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(rgb(c.theme.bg_color!));
        expect((await telegramState(page)).ready).toBe(true);
        expect((await telegramState(page)).back.visible).toBe(false);
        await screenshot(page, `courses-${name}`);
        await expectAccessible(page, 'course list');

        // Progress before any quiz.
        await page.getByRole('link', { name: t.nav.progress }).click();
        await page.getByRole('heading', { name: t.progress.title }).waitFor();
        const completed = page.locator('[data-stat="completed"] dd');
        await expect.poll(() => completed.textContent()).toBe(t.progress.of(0, 2));
        await page.getByText(t.progress.empty).waitFor();
        await expectAccessible(page, 'progress (empty)');
        await page.getByRole('link', { name: t.nav.courses }).click();

        // The course and its lessons; Telegram's BackButton is shown below the root.
        await page.getByRole('link', { name: new RegExp(c.courseTitle) }).click();
        await page.getByRole('heading', { name: c.courseTitle, level: 1 }).waitFor();
        expect((await telegramState(page)).back.visible).toBe(true);
        await screenshot(page, `course-${name}`);
        await expectAccessible(page, 'course');

        // The lesson reader: Markdown with highlighted Swift.
        await page.getByRole('link', { name: new RegExp(c.lessonTitle) }).click();
        await page.getByRole('heading', { name: c.lessonTitle, level: 1 }).waitFor();
        const keyword = page.locator('pre code.language-swift .hljs-keyword').first();
        await keyword.waitFor();
        expect(await keyword.textContent()).toBe('let');
        const [keywordColor, codeColor] = await keyword.evaluate((node) => [getComputedStyle(node).color, getComputedStyle(node.closest('pre')!).color]);
        expect(keywordColor).not.toBe(codeColor);
        await screenshot(page, `lesson-${name}`);
        await expectAccessible(page, 'lesson reader');

        // The quiz: Telegram's MainButton checks the answers once all are given.
        expect((await telegramState(page)).main).toMatchObject({ visible: true, text: t.lesson.check, enabled: false });
        for (const option of ['A1', 'B2', 'C3', 'B4']) await page.getByRole('radio', { name: option, exact: true }).check();
        await expect.poll(async () => (await telegramState(page)).main.enabled).toBe(true);
        await clickMainButton(page);
        const summary = page.getByRole('status').filter({ hasText: t.lesson.score(75) });
        await summary.waitFor();
        await expect.poll(() => summary.textContent()).toContain(t.lesson.passed);
        const fourth = page.locator('fieldset').nth(3);
        expect(await fourth.textContent()).toContain(t.lesson.incorrect);
        expect(await fourth.textContent()).toContain(c.explanation4);
        expect(await page.getByRole('radio', { name: 'B4', exact: true }).isDisabled()).toBe(true);
        const state = await telegramState(page);
        expect(state.main).toMatchObject({ visible: true, text: t.lesson.next, enabled: true, progress: false });
        expect(state.haptics).toEqual(['success']);
        await fourth.scrollIntoViewIfNeeded();
        await screenshot(page, `quiz-${name}`);
        await expectAccessible(page, 'quiz feedback');

        // Telegram's BackButton returns to the course, which now marks the lesson completed.
        await clickBackButton(page);
        await page.getByRole('heading', { name: c.courseTitle, level: 1 }).waitFor();
        await page.getByRole('link', { name: new RegExp(`${c.lessonTitle}.*${t.course.completed}`) }).waitFor();

        // Progress has changed.
        await page.getByRole('link', { name: t.nav.progress }).click();
        await expect.poll(() => completed.textContent()).toBe(t.progress.of(1, 2));
        expect(await page.locator('[data-stat="average"] dd').textContent()).toBe('75%');
        expect(await page.locator('[data-stat="streak"] dd').textContent()).toBe(t.progress.days(1));
        await page.getByRole('link', { name: new RegExp(c.lessonTitle) }).waitFor();
        await screenshot(page, `progress-${name}`);
        await expectAccessible(page, 'progress');

        expect(problems.console, 'console errors (CSP violations included)').toEqual([]);
        expect(problems.external, 'requests that left the app').toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('follows Telegram when it switches theme, and lets the learner switch language', async () => {
    const { context, page, problems } = await openPhonePage(chromium.browser, app.url);
    const initData = signedInitData({ id: 7_100_000, firstName: 'Sam', languageCode: 'en' });
    await openedFromTelegram(page, { initData, languageCode: 'en', colorScheme: 'light', themeParams: LIGHT_THEME });
    try {
      await page.goto(`${app.url}/progress`);
      await page.getByRole('heading', { name: en.progress.title }).waitFor();
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background()).toBe(rgb(LIGHT_THEME.bg_color!));

      await page.evaluate((theme) => (window as unknown as { __telegram: { setTheme(s: string, p: object): void } }).__telegram.setTheme('dark', theme), DARK_THEME);
      await expect.poll(background).toBe(rgb(DARK_THEME.bg_color!));
      expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
      await expectAccessible(page, 'progress after the theme changed');

      await page.getByRole('button', { name: 'RU', exact: true }).click();
      await page.getByRole('heading', { name: ru.progress.title }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
      // The choice outlives a reload (Telegram reopening the app).
      await page.reload();
      await page.getByRole('heading', { name: ru.progress.title }).waitFor();
      await screenshot(page, 'progress-ru-after-switch');
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
