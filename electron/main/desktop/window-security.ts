/**
 * Locks every web contents down: no navigation away from the app, no new windows, no webviews,
 * no permissions. A link that opens a window goes to the OS browser only through the external
 * link allow-list (empty by default).
 */
import type { Session, WebContents } from 'electron';
import { openExternalIfAllowed } from './external-links';
import { originOf } from './url-origin';

export function isAppUrl(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

export function lockDownContents(contents: WebContents, allowedOrigins: readonly string[]): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, allowedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  // Frames too: the app has none, so a frame that tries to leave the app is refused the same way.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url, allowedOrigins)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
