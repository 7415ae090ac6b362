/**
 * Keeps the app from being navigated away: a click on a link to another origin is stopped
 * (in Electron the main process blocks navigation too; in a browser this is the only guard).
 */
export function isExternalHref(href: string, appOrigin: string): boolean {
  try {
    return new URL(href, appOrigin).origin !== appOrigin;
  } catch {
    return true;
  }
}

export function installLinkGuard(target: Document, onBlocked: (href: string) => void): () => void {
  const listener = (event: MouseEvent) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!anchor) return;
    const href = anchor.getAttribute('href') ?? '';
    if (isExternalHref(href, target.location.origin)) {
      event.preventDefault();
      event.stopPropagation();
      onBlocked(href);
    }
  };
  target.addEventListener('click', listener, true);
  return () => target.removeEventListener('click', listener, true);
}
