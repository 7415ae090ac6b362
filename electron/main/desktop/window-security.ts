/** Locks a window down: no navigation away, no new windows, no permissions, external links to the OS browser. */
import { shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { originOf } from './url-origin';

export function isAppUrl(url: string, allowedOrigins: string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

export function lockDownContents(contents: WebContents, allowedOrigins: string[]): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, allowedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, allowedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
