/**
 * The Electron main process: opens the core on the workstation database, wires IPC and opens a
 * locked-down window. Everything else lives in the core, which never imports `electron`.
 */
import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { openCore } from './core';
import { startBackupSchedule } from './db/scheduled-backup';
import type { Core } from './core';
import { defaultDatabaseFile } from './data-dir';
import { idleLockMsFrom } from './users/session-registry';
import { packageRoot, rendererDir } from './renderer-dir';
import { appOrigin, handleAppProtocol, registerAppScheme } from './desktop/app-protocol';
import { registerIpcTransport } from './desktop/ipc-transport';
import { denyAllPermissions, lockDownContents } from './desktop/window-security';

const devServerUrl = process.env.VITE_DEV_SERVER_URL ?? null;
const devServerOrigin = devServerUrl === null ? null : new URL(devServerUrl).origin;
let core: Core | undefined;

registerAppScheme();
app.enableSandbox();
if (!app.requestSingleInstanceLock()) app.quit();

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: '鼎星评定工作站',
    show: false,
    webPreferences: {
      preload: path.join(packageRoot(), 'dist-electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  lockDownContents(window.webContents, devServerOrigin === null ? [appOrigin] : [appOrigin, devServerOrigin]);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${appOrigin}/index.html`);
  return window;
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => core?.close());

void app.whenReady().then(async () => {
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(rendererDir());
  core = await openCore({ dbFile: process.env.DINGXING_DB ?? defaultDatabaseFile(), electronVersion: process.versions.electron ?? null, idleLockMs: idleLockMsFrom(process.env) });
  registerIpcTransport(core.dispatcher, devServerOrigin);
  startBackupSchedule(core.services.db, { backupDir: path.join(core.services.dataDir, 'backups') });
  createWindow();
});
