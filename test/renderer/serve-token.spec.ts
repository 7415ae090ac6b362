// Serve mode's token: read once from the start URL, kept for reloads, removed from the address bar.
import { describe, expect, it } from 'vitest';
import { takeServeToken } from '../../renderer/src/api/index';
import { installLinkGuard, isExternalHref } from '../../renderer/src/link-guard';

describe('serve token', () => {
  it('takes the token from the hash and strips it from the URL', () => {
    window.history.replaceState(null, '', '/#/status?token=abc123&tab=1');
    expect(takeServeToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
    expect(window.location.hash).toBe('#/status?tab=1');
    expect(window.sessionStorage.getItem('dingxing.token')).toBe('abc123');
    // After a reload the URL has no token; the stored one is used.
    expect(takeServeToken(window.location, window.sessionStorage, window.history)).toBe('abc123');
  });
});

describe('link guard', () => {
  it('tells external links from the app’s own', () => {
    expect(isExternalHref('https://example.com', 'http://127.0.0.1:4680')).toBe(true);
    expect(isExternalHref('#/units', 'http://127.0.0.1:4680')).toBe(false);
    expect(isExternalHref('/assets/x.png', 'http://127.0.0.1:4680')).toBe(false);
    expect(isExternalHref('javascript:alert(1)', 'http://127.0.0.1:4680')).toBe(true);
  });

  it('stops a click on an external link', () => {
    const blocked: string[] = [];
    const remove = installLinkGuard(document, (href) => blocked.push(href));
    const link = document.createElement('a');
    link.href = 'https://example.com/away';
    document.body.appendChild(link);
    const event = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    expect(blocked).toEqual(['https://example.com/away']);
    remove();
  });
});
