// After a page change or a submit the focus goes to the page's h1 — once the page has drawn it — but never away from
// a field the person has already moved to.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusPageHeading } from '../../../renderer/src/a11y/focus-heading';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<nav><a href="#/units" id="link">单位</a></nav><main>${html}</main>`;
  return document.querySelector('main') as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('focusPageHeading', () => {
  it('focuses the h1 that is already there, keeping it out of the Tab order', async () => {
    page('<h1>单位名册</h1><input id="field" />');
    expect(await focusPageHeading()).toBe(true);
    expect(document.activeElement?.textContent).toBe('单位名册');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it('waits for a page that draws its h1 when its data arrives', async () => {
    const main = page('<div class="loading"></div>');
    (document.getElementById('link') as HTMLElement).focus();
    const moved = focusPageHeading({ timeoutMs: 1000 });
    setTimeout(() => (main.innerHTML = '<h1>军山花园社区 · 2026 年度评定</h1>'), 20);
    expect(await moved).toBe(true);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('leaves the focus where the person put it while the page was loading', async () => {
    const main = page('<input id="field" />');
    const moved = focusPageHeading({ timeoutMs: 1000 });
    (document.getElementById('field') as HTMLElement).focus();
    main.insertAdjacentHTML('afterbegin', '<h1>评定</h1>');
    expect(await moved).toBe(false);
    expect(document.activeElement?.id).toBe('field');
  });

  it('after a submit (force) moves the focus from the button to the heading', async () => {
    page('<h1>军山花园社区 · 2026 年度评定</h1><button id="submit">提交</button>');
    (document.getElementById('submit') as HTMLElement).focus();
    expect(await focusPageHeading({ force: true })).toBe(true);
    expect(document.activeElement?.tagName).toBe('H1');
  });

  it('gives up on a page without a heading instead of waiting for ever', async () => {
    page('<p>…</p>');
    expect(await focusPageHeading({ timeoutMs: 30 })).toBe(false);
    expect(document.activeElement).toBe(document.body);
  });

  it('on a page change reads where the heading is only once the page is drawn, not while it is being built', async () => {
    page('<h1>单位名册</h1>');
    const measured = vi.spyOn(HTMLElement.prototype, 'getClientRects');
    const moved = focusPageHeading({ whenDrawn: true });
    expect(measured).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(document.body);
    expect(await moved).toBe(true);
    expect(measured).toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('单位名册');
  });

  it('looks once a frame while a page draws its rows, not at every change of the page', async () => {
    const main = page('<div class="loading"></div>');
    const root = vi.fn(() => document.querySelector('main'));
    const moved = focusPageHeading({ root, timeoutMs: 2000 });
    let changes = 0;
    new MutationObserver(() => (changes += 1)).observe(main, { childList: true });
    for (let row = 0; row < 30; row += 1) {
      main.append(document.createElement('div'));
      await Promise.resolve();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    main.insertAdjacentHTML('afterbegin', '<h1>单位名册</h1>');
    expect(await moved).toBe(true);
    expect(changes).toBeGreaterThan(20);
    expect(root.mock.calls.length).toBeLessThan(6);
  });
});
