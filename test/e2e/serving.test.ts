// The built Mini App served by the academy process (web role): caching, the SPA fallback, API 404s that
// stay problem+json, and a Content-Security-Policy that lets Telegram frame the app while /docs still works.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_DIST_DIR } from '../../apps/api/src/http/web-static';
import { call, problemOf, startTestApp, type TestApp } from '../../apps/api/src/test/harness';
import { launchChromium, openPhonePage, skipWithoutChromium, type TestBrowser } from './support/browser';

const skip = skipWithoutChromium();
const HTML = { accept: 'text/html,application/xhtml+xml' };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ database: 'pglite' });
});
afterAll(() => app?.close());

describe('serving the Mini App', () => {

  it('serves index.html at / without caching, with a policy Telegram can frame', async () => {
    const response = await call(app.url, 'GET', '/', { headers: HTML });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(String(response.body)).toContain('<script src="https://telegram.org/js/telegram-web-app.js"></script>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self' https://telegram.org");
    expect(csp).toContain("frame-ancestors 'self' https://web.telegram.org https://*.telegram.org");
    expect(csp).toContain("style-src 'self'");
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('caches hashed assets for a year', async () => {
    const assets = readdirSync(`${WEB_DIST_DIR}/assets`);
    for (const name of [assets.find((a) => a.endsWith('.js')), assets.find((a) => a.endsWith('.css'))]) {
      const response = await call(app.url, 'GET', `/assets/${name}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers app routes with index.html for browsers (SPA fallback)', async () => {
    for (const path of ['/courses/fixture-course', '/lessons/fixture-lesson-1', '/progress', '/anything/else']) {
      const response = await call(app.url, 'GET', path, { headers: HTML });
      expect(response.status, path).toBe(200);
      expect(String(response.body)).toContain('<div id="root"></div>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('keeps 404s problem+json for API paths, missing files and clients that do not ask for HTML', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['/api/v1/nothing-here', HTML],
      ['/api/v1/lessons/no-such-lesson', HTML],
      ['/assets/missing-0000.js', HTML],
      ['/favicon.ico', HTML],
      ['/progress', { accept: 'application/json' }],
      ['/courses/x', {}],
    ];
    for (const [path, headers] of cases) {
      const response = await call(app.url, 'GET', path, { headers });
      expect(response.status, path).toBe(404);
      expect(problemOf(response)?.status, path).toBe(404);
    }
    expect((await call(app.url, 'POST', '/courses/x', { headers: HTML })).status).toBe(404);
  });

  it('never serves files outside the build', async () => {
    for (const path of ['/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json']) {
      const response = await call(app.url, 'GET', path, { headers: HTML });
      expect(String(response.body), path).not.toContain('"@academy/web"');
    }
  });
});

describe.skipIf(skip)('the policy in Chromium', () => {
  let chromium: TestBrowser;
  beforeAll(async () => {
    chromium = await launchChromium();
  });
  afterAll(() => chromium?.close());

  it('leaves /docs (swagger-ui) working, with no CSP errors', async () => {
    const { context, page, problems } = await openPhonePage(chromium.browser, app.url);
    try {
      await page.goto(`${app.url}/docs`);
      await page.getByText('Telegram iOS Academy API').first().waitFor();
      await page.getByText('/api/v1/courses').first().waitFor();
      expect(problems.console).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
