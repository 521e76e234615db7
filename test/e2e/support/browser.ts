import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { IN_CI } from '@academy/core/testing';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));
/** A phone in portrait, about the size Telegram gives a Mini App. */
export const PHONE = { width: 390, height: 844 };

const HINT = `Chromium is not installed at ${CHROMIUM}: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`;

/** True when the suite should be skipped; under CI=true a missing browser fails instead. */
export function skipWithoutChromium(): boolean {
  if (existsSync(CHROMIUM)) return false;
  if (IN_CI) throw new Error(`CI=true and ${HINT}`);
  console.warn(`skipping the browser suite: ${HINT}`);
  return true;
}

export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * System Chromium, headless, with nothing that reaches the network on its own. playwright's launch() gives
 * every browser a fresh temporary user-data-dir (and deletes it on close).
 */
export async function launchChromium(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export interface PageProblems {
  /** Console errors and CSP violations, and requests that went anywhere but the app. */
  console: string[];
  external: string[];
}

/**
 * A phone-sized page in its own context. Telegram's script host is answered with a network error (as when
 * it fails to load), any other off-app request is aborted and recorded, and console errors are collected.
 */
export async function openPhonePage(
  browser: Browser,
  appUrl: string,
  options: { colorScheme?: 'light' | 'dark'; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    hasTouch: true,
    isMobile: true,
    colorScheme: options.colorScheme ?? 'light',
    locale: options.locale ?? 'en-US',
  });
  const page = await context.newPage();
  const problems: PageProblems = { console: [], external: [] };
  const origin = new URL(appUrl).origin;
  await page.route(
    (url) => url.origin !== origin,
    (route) => {
      const url = route.request().url();
      if (!url.startsWith('https://telegram.org/')) problems.external.push(url);
      return route.abort('internetdisconnected');
    },
  );
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    // The aborted Telegram script is expected: the app must work without it.
    if (/telegram\.org|ERR_INTERNET_DISCONNECTED/.test(text)) return;
    problems.console.push(text);
  });
  page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
