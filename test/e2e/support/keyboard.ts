// A person without a mouse: what has the focus, Tab until something is reached, and a picture of the Tab order.
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

export interface Focused {
  tag: string;
  /** The element's own test id, or its nearest ancestor's. */
  testId: string;
  /** What a screen reader would start from: aria-label, else the text. */
  name: string;
  role: string;
}

export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return { tag: 'body', testId: '', name: '', role: '' };
    const testId = element.getAttribute('data-testid') ?? element.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
    return {
      tag: element.tagName.toLowerCase(),
      testId,
      name: (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      role: element.getAttribute('role') ?? '',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `reached` says yes; fails naming every stop on the way when it never does,
 * so a control Tab cannot reach is reported as such.
 */
export async function tabUntil(page: Page, reached: (focus: Focused) => boolean, options: { backwards?: boolean; max?: number; what?: string } = {}): Promise<number> {
  const stops: string[] = [];
  const max = options.max ?? 40;
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const focus = await focused(page);
    if (reached(focus)) return presses;
    stops.push(`${focus.tag}[${focus.testId}] ${focus.name.slice(0, 30)}`);
  }
  throw new Error(`${options.backwards ? 'Shift+Tab' : 'Tab'} never reached ${options.what ?? 'the control'}; it stopped at: ${stops.join(' → ')}`);
}

/** Tab to the element with this test id. */
export function tabTo(page: Page, testId: string, options: { backwards?: boolean; max?: number } = {}): Promise<number> {
  return tabUntil(page, (focus) => focus.testId === testId, { ...options, what: testId });
}

/** Waits until the focus is on a heading (after a page change or a submit); returns its text. */
export async function headingFocused(page: Page): Promise<string> {
  await page.waitForFunction(() => /^H[1-2]$/.test(document.activeElement?.tagName ?? ''), undefined, { timeout: 15_000 });
  return (await focused(page)).name;
}

/**
 * A screenshot of the Tab order from where the focus is now: the next `stops` Tab stops numbered on the page,
 * the way a person would go through it. The focus ends on the last stop.
 */
export async function focusOrderScreenshot(page: Page, name: string, stops: number): Promise<string> {
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  for (let stop = 0; stop < stops; stop += 1) {
    await page.keyboard.press('Tab');
    const box = await page.evaluate(() => {
      const rect = document.activeElement?.getBoundingClientRect();
      return rect ? { x: rect.x, y: rect.y, width: rect.width, height: rect.height } : null;
    });
    if (box) boxes.push(box);
  }
  await page.evaluate((rects) => {
    const layer = document.createElement('div');
    layer.id = 'focus-order-overlay';
    layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:99999';
    rects.forEach((rect, index) => {
      const frame = document.createElement('div');
      frame.style.cssText = `position:fixed;left:${rect.x - 2}px;top:${rect.y - 2}px;width:${rect.width + 4}px;height:${rect.height + 4}px;border:2px dashed #c62828;border-radius:4px`;
      const badge = document.createElement('div');
      badge.textContent = String(index + 1);
      badge.style.cssText = `position:fixed;left:${Math.max(0, rect.x - 12)}px;top:${Math.max(0, rect.y - 12)}px;min-width:20px;height:20px;padding:0 4px;border-radius:10px;background:#c62828;color:#fff;font:600 12px/20px sans-serif;text-align:center`;
      layer.append(frame, badge);
    });
    document.body.append(layer);
  }, boxes);
  const file = await screenshot(page, name);
  await page.evaluate(() => document.getElementById('focus-order-overlay')?.remove());
  return file;
}
