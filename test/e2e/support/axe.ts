import axe from 'axe-core';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/**
 * Runs axe-core in the page and returns its serious and critical violations, one line each.
 * axe is evaluated through the DevTools protocol rather than added as a <script>: the app's CSP (rightly)
 * refuses inline scripts, and the check must run against the real policy.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(() => {
    const { axe: inPage } = window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } };
    return inPage.run(document, { resultTypes: ['violations'] });
  });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
