// The lesson reader on the real curriculum: longer Swift with comments, strings and types, in both themes.
// Every highlighted token must keep its contrast (axe); the README's screenshot of the reader comes from here.
import { coursesDir } from '@academy/content';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import { seriousViolations } from './support/axe';
import { launchChromium, openPhonePage, screenshot, skipWithoutChromium, type TestBrowser } from './support/browser';
import { DARK_THEME, LIGHT_THEME, openedFromTelegram } from './support/fake-telegram';
import { signedInitData } from './support/telegram-user';

const skip = skipWithoutChromium();
const LESSON = 'swift-optionals';

describe.skipIf(skip)('the lesson reader on the real curriculum', () => {
  let app: TestApp;
  let chromium: TestBrowser;
  beforeAll(async () => {
    [app, chromium] = await Promise.all([startTestApp({ database: 'pglite', env: { CONTENT_DIR: coursesDir } }), launchChromium()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await app?.close();
  });

  for (const [index, c] of [
    { locale: 'en', scheme: 'light', theme: LIGHT_THEME },
    { locale: 'ru', scheme: 'dark', theme: DARK_THEME },
  ].entries()) {
    it(`shows ${LESSON} with highlighted Swift (${c.locale}, ${c.scheme})`, async () => {
      const { context, page, problems } = await openPhonePage(chromium.browser, app.url, { colorScheme: c.scheme as 'light' | 'dark' });
      const initData = signedInitData({ id: 7_200_000 + index, firstName: 'Reader', languageCode: c.locale });
      await openedFromTelegram(page, { initData, languageCode: c.locale, colorScheme: c.scheme as 'light' | 'dark', themeParams: c.theme });
      try {
        await page.goto(`${app.url}/lessons/${LESSON}`);
        const blocks = page.locator('pre code.language-swift');
        await blocks.first().waitFor();
        expect(await blocks.count()).toBeGreaterThan(1);
        const tokens = await page.evaluate(() => [...new Set(Array.from(document.querySelectorAll('pre [class^="hljs-"]'), (node) => node.className))]);
        expect(tokens).toEqual(expect.arrayContaining(['hljs-keyword', 'hljs-string']));
        // Raw HTML in Markdown is never rendered; the body is text and code only.
        expect(await page.locator('.markdown script, .markdown iframe, .markdown [style]').count()).toBe(0);
        await screenshot(page, `lesson-reader-${c.locale}-${c.scheme}`);
        expect(await seriousViolations(page)).toEqual([]);

        // Its quiz, whatever the answers: feedback quotes code too, and must stay readable.
        const questions = page.locator('fieldset');
        for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).getByRole('radio').first().check();
        await page.evaluate(() => (window as unknown as { __telegram: { clickMain(): void } }).__telegram.clickMain());
        await page.locator('.quiz-summary').waitFor();
        expect(await page.locator('.feedback').count()).toBe(await questions.count());
        expect(await page.locator('fieldset code').count()).toBeGreaterThan(0);
        await page.locator('.quiz-summary').scrollIntoViewIfNeeded();
        await screenshot(page, `lesson-quiz-${c.locale}-${c.scheme}`);
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems.console).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
