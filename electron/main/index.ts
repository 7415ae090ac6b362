/**
 * The Electron main process. Everything it does is in `desktop/desktop-app.ts` (testable with
 * `electron` stood in for); the core it opens never imports `electron`.
 */
import { startDesktopApp } from './desktop/desktop-app';

startDesktopApp().catch((error: unknown) => {
  console.error('The desktop app failed to start:', error);
  process.exit(1);
});
