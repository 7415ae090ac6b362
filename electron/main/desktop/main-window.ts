/**
 * The one application window and its web preferences: an isolated, sandboxed renderer with no
 * Node, web security on and nothing experimental. Electron's security checklist is asserted
 * against these options in test/unit/desktop/electron-checklist.spec.ts.
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';

export const windowTitle = '鼎星评定工作站';

export function mainWindowOptions(preloadFile: string): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: windowTitle,
    show: false,
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

export function createMainWindow(preloadFile: string, startUrl: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadFile));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}

/** Brings the existing window forward, e.g. when a second copy of the app is started. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
