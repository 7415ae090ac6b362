// axe-core in the page under test: the same engine a person's browser extension runs, injected as a script tag.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** What a failed check says: the rule, how bad, how many elements, and where the first few are. */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  count: number;
  targets: string[];
  /** axe's own words for the first element: e.g. the contrast ratio it measured and the colours. */
  detail: string;
}

/**
 * A browser window for axe: the app's Content-Security-Policy allows only its own scripts, so this context
 * bypasses it to add axe's; nothing else about the page changes.
 */
export async function newAxeContext(browser: Browser, locale: 'zh-CN' | 'en'): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', bypassCSP: true });
  await context.addInitScript((value) => localStorage.setItem('dingxing.locale', value), locale);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  return context;
}

/** The critical and serious violations on the page as it is now (WCAG 2.1 A and AA rules, and axe's best practices). */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  // Transitions (dialogs fading in, tags zooming in as data arrives) would make colours half-way between two states:
  // wait until nothing has moved for a moment.
  const still = () => page.evaluate(() => document.getAnimations().every((animation) => animation.playState !== 'running') && !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'));
  for (let quiet = 0, tries = 0; quiet < 2 && tries < 50; tries += 1) {
    quiet = (await still()) ? quiet + 1 : 0;
    await page.waitForTimeout(150);
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string; any: { message: string }[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return results.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      count: violation.nodes.length,
      targets: violation.nodes.slice(0, 4).map((node) => node.target.map(String).join(' ')),
      detail: violation.nodes[0]?.any[0]?.message ?? violation.nodes[0]?.failureSummary ?? '',
    }));
  });
  return violations.filter((violation) => violation.impact === 'critical' || violation.impact === 'serious');
}
