/**
 * The Electron door, start to finish: one instance per user, every web contents locked down,
 * the renderer served from app://, the core opened (or the user told why it cannot be), IPC
 * wired and the window shown. `electron/main/index.ts` only calls `startDesktopApp()`.
 */
import path from 'node:path';
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
import type { Core } from '../host/core';
import { hostCore } from '../host/core-host';
import type { CoreHost } from '../host/core-host';
import { defaultDatabaseFile } from '../platform/data-dir';
import { defaultFontsDir, nodePlatform } from '../platform/platform';
import type { Platform } from '../platform/platform';
import { startBackupSchedule } from '../backups/scheduled-backup';
import { packageRoot, rendererDir } from '../platform/renderer-dir';
import { idleLockMsFrom } from '../users/session-registry';
import { appOrigin, handleAppProtocol, registerAppScheme } from './app-protocol';
import { devServerFrom } from './dev-server';
import { registerIpcTransport } from './ipc-transport';
import { createMainWindow, focusWindow } from './main-window';
import { openCoreInteractively } from './open-core-interactively';
import { createSafeStorageKeyStore } from './safe-storage-key-store';
import { printPdf } from './print-pdf';
import { denyAllPermissions, lockDownContents } from './window-security';

export function preloadFile(): string {
  return path.join(packageRoot(), 'dist-electron', 'preload.cjs');
}

/** A packaged app ships the fonts as resources beside app.asar (build/electron-builder.json's extraResources). */
export function desktopFontsDir(isPackaged: boolean, resourcesPath: string = process.resourcesPath): string {
  return isPackaged ? path.join(resourcesPath, 'fonts') : defaultFontsDir();
}

/** What only the desktop provides to the core: safeStorage for secrets and the packaged fonts. */
export async function desktopPlatform(): Promise<Platform> {
  return nodePlatform({ keyStore: await createSafeStorageKeyStore(), fontsDir: desktopFontsDir(app.isPackaged), print: printPdf });
}

export async function startDesktopApp(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // A second copy hands over to the first (which comes forward) and does nothing else.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.enableSandbox();

  const devServer = devServerFrom(app.isPackaged, env);
  if (devServer === null && env.VITE_DEV_SERVER_URL) {
    console.warn(`Ignoring VITE_DEV_SERVER_URL=${env.VITE_DEV_SERVER_URL}: only an unpackaged app loads a dev server on this machine.`);
  }
  const allowedOrigins = devServer === null ? [appOrigin] : [appOrigin, devServer.origin];
  let window: BrowserWindow | undefined;
  let host: CoreHost | null = null;
  let stopBackups: () => void = () => undefined;

  app.on('second-instance', () => focusWindow(window));
  // Every web contents, including any a bug might create, gets the same lock-down.
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, allowedOrigins));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBackups();
    host?.close();
  });

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(rendererDir());
  host = await openCoreInteractively(
    {
      dbFile: defaultDatabaseFile(env),
      electronVersion: process.versions.electron ?? null,
      platform: await desktopPlatform(),
      idleLockMs: idleLockMsFrom(env),
    },
    hostCore,
  );
  if (host === null) {
    app.quit();
    return;
  }
  registerIpcTransport(host.dispatcher, devServer?.origin ?? null);
  const scheduleBackups = (core: Core) => {
    stopBackups();
    stopBackups = startBackupSchedule(core.services.db, { backupDir: path.join(core.services.dataDir, 'backups'), now: () => core.services.platform.now() });
  };
  scheduleBackups(host.current);
  host.onReopen(scheduleBackups);
  window = createMainWindow(preloadFile(), devServer?.url ?? `${appOrigin}/index.html`);
  window.on('closed', () => (window = undefined));
}
