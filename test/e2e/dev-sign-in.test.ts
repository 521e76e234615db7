// Outside Telegram there is no initData. In development a visible "Dev sign-in" signs in a fixed learner;
// in production (and test) the route does not exist and the button is absent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../apps/web/src/i18n/messages';
import { call, problemOf, startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import { seriousViolations } from './support/axe';
import { launchChromium, openPhonePage, screenshot, skipWithoutChromium, type TestBrowser } from './support/browser';

const skip = skipWithoutChromium();

const apps: Partial<Record<'development' | 'production' | 'test', TestApp>> = {};
beforeAll(async () => {
  for (const env of ['development', 'production', 'test'] as const) apps[env] = await startTestApp({ database: 'pglite', env: { NODE_ENV: env } });
});
afterAll(() => Promise.all(Object.values(apps).map((app) => app.close())));

describe('dev sign-in over HTTP', () => {

  it('exists in development and signs in the fixed dev learner', async () => {
    const url = apps.development!.url;
    expect((await call(url, 'GET', '/api/v1/auth/options')).body).toEqual({ devSignIn: true });
    const first = await call(url, 'POST', '/api/v1/auth/dev?locale=ru');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token: expect.any(String), user: { telegramId: 1_000_000_001, firstName: 'Dev', language: 'ru' } });
    const { token, user } = first.body as { token: string; user: { id: number } };
    expect((await call(url, 'GET', '/api/v1/me/progress', { token })).status).toBe(200);
    // The same learner every time.
    expect(((await call(url, 'POST', '/api/v1/auth/dev')).body as { user: { id: number } }).user.id).toBe(user.id);
  });

  for (const env of ['production', 'test'] as const) {
    it(`does not exist when NODE_ENV=${env}`, async () => {
      const url = apps[env]!.url;
      expect((await call(url, 'GET', '/api/v1/auth/options')).body).toEqual({ devSignIn: false });
      const response = await call(url, 'POST', '/api/v1/auth/dev');
      expect(response.status).toBe(404);
      expect(problemOf(response)?.code).toBe('route_not_found');
      const docs = (await call(url, 'GET', '/docs/json')).body as { paths: Record<string, unknown> };
      expect(Object.keys(docs.paths)).not.toContain('/api/v1/auth/dev');
    });
  }
});

describe.skipIf(skip)('dev sign-in in Chromium', () => {
  let chromium: TestBrowser;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('development: the button signs in, and the app works with its own buttons (no Telegram)', async () => {
    const url = apps.development!.url;
    const { context, page, problems } = await openPhonePage(chromium.browser, url);
    try {
      await page.goto(url);
      const button = page.getByRole('button', { name: en.signIn.dev });
      await button.waitFor();
      await screenshot(page, 'sign-in-development');
      expect(await seriousViolations(page)).toEqual([]);
      await button.click();
      // Signed in: the dev learner's language came from their first sign-in (Russian, above); switch to English.
      await page.locator('h1').filter({ hasText: /^(Courses|Курсы)$/ }).waitFor();
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.getByRole('heading', { name: en.courses.title, level: 1 }).waitFor();

      await page.getByRole('link', { name: /Fixture Course/ }).click();
      await page.getByRole('link', { name: /Fixture lesson 2/ }).click();
      await page.getByRole('heading', { name: 'Fixture lesson 2', level: 1 }).waitFor();
      for (const option of ['A1', 'A2', 'A3', 'B4']) await page.getByRole('radio', { name: option, exact: true }).check();
      await page.getByRole('button', { name: en.lesson.check }).click();
      await page.getByText(en.lesson.score(25)).waitFor();
      await page.getByText(en.lesson.notPassed(70)).waitFor();
      await page.getByRole('button', { name: en.lesson.tryAgain }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // The page's own back button (Telegram's is not there): back to the course, which shows the best score.
      await page.getByRole('button', { name: en.nav.back }).click();
      await page.getByRole('link', { name: new RegExp(`Fixture lesson 2.*${en.course.bestScore(25)}`) }).waitFor();

      // A reload keeps the session (this tab's), and the app route is served by the SPA fallback.
      await page.reload();
      await page.getByRole('heading', { name: 'Fixture Course', level: 1 }).waitFor();
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('production: no dev sign-in, only the way to Telegram', async () => {
    const url = apps.production!.url;
    const { context, page, problems } = await openPhonePage(chromium.browser, url, { colorScheme: 'dark' });
    try {
      await page.goto(url);
      await page.getByText(en.signIn.openInTelegram).waitFor();
      expect(await page.getByRole('button', { name: en.signIn.dev }).count()).toBe(0);
      await screenshot(page, 'sign-in-production-dark');
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
