// After a page change or a submit the focus goes to the page's h1 — once the page has drawn it — but never away from
// a field the person has already moved to.
import { afterEach, describe, expect, it } from 'vitest';
import { focusPageHeading } from '../../../renderer/src/a11y/focus-heading';

function page(html: string): HTMLElement {
  document.body.innerHTML = `<nav><a href="#/units" id="link">单位</a></nav><main>${html}</main>`;
  return document.querySelector('main') as HTMLElement;
}

afterEach(() => {
  document.body.innerHTML = '';
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
});
