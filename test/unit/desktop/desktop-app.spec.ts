// The Electron entry with `electron` stood in for: dev server only when unpackaged, one instance,
// and a database that cannot be opened explained in a dialog that names the file, writing nothing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as CoreModule from '../../../electron/main/host/core';
import * as electron from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronModule);
vi.mock('../../../electron/main/backups/scheduled-backup', () => ({ startBackupSchedule: vi.fn(() => () => undefined) }));
vi.mock('../../../electron/main/host/core', async (importOriginal) => {
  const actual = await importOriginal<typeof CoreModule>();
  return { ...actual, openCore: vi.fn(actual.openCore) };
});

const { desktopFontsDir, startDesktopApp } = await import('../../../electron/main/desktop/desktop-app');
const { openCore } = await import('../../../electron/main/host/core');
const { defaultFontsDir } = await import('../../../electron/main/platform/platform');
const { devServerFrom } = await import('../../../electron/main/desktop/dev-server');
const { openFailureText } = await import('../../../electron/main/desktop/open-failure-text');
const { DxError } = await import('@shared/api/errors');

let dir: string;

function fingerprint(folder: string): string {
  const hash = createHash('sha256');
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    hash.update(name);
    if (fs.statSync(file).isFile()) hash.update(fs.readFileSync(file)).update(String(fs.statSync(file).mtimeMs));
  }
  return hash.digest('hex');
}

function databaseFromTheFuture(): string {
  const file = path.join(dir, 'future.sqlite');
  const db = new BetterSqlite3(file);
  db.pragma('user_version = 9999');
  db.close();
  return file;
}

function notADatabase(): string {
  const file = path.join(dir, 'garbage.sqlite');
  fs.writeFileSync(file, 'this is not an SQLite file, just text that is long enough to have a header');
  return file;
}

beforeEach(() => {
  electron.resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-desktop-'));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  electron.app.emit('will-quit');
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the dev server URL', () => {
  it('is honoured only by an unpackaged app, and only on this machine', () => {
    const env = { VITE_DEV_SERVER_URL: 'http://localhost:5173/' };
    expect(devServerFrom(false, env)).toEqual({ url: 'http://localhost:5173/', origin: 'http://localhost:5173' });
    expect(devServerFrom(true, env)).toBeNull();
    expect(devServerFrom(false, {})).toBeNull();
    expect(devServerFrom(false, { VITE_DEV_SERVER_URL: 'not a url' })).toBeNull();
    expect(devServerFrom(false, { VITE_DEV_SERVER_URL: 'https://evil.example/' })).toBeNull();
    expect(devServerFrom(false, { VITE_DEV_SERVER_URL: 'file:///tmp/index.html' })).toBeNull();
    expect(devServerFrom(false, { VITE_DEV_SERVER_URL: 'http://127.0.0.1.evil.example:5173/' })).toBeNull();
    expect(devServerFrom(false, { VITE_DEV_SERVER_URL: 'http://[::1]:5173/' })?.origin).toBe('http://[::1]:5173');
  });

  it('loads the app from app:// in a packaged app even when the variable is set', async () => {
    electron.app.isPackaged = true;
    // Electron sets process.resourcesPath; plain Node has none.
    Object.assign(process, { resourcesPath: path.join(dir, 'resources') });
    try {
      await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite'), VITE_DEV_SERVER_URL: 'http://localhost:5173/' });
    } finally {
      Reflect.deleteProperty(process, 'resourcesPath');
    }
    expect(vi.mocked(openCore).mock.calls.at(-1)?.[0].platform?.fontsDir).toBe(path.join(dir, 'resources', 'fonts'));
    const [window] = electron.BrowserWindow.created;
    expect(window?.loadURL).toHaveBeenCalledWith('app://dingxing/index.html');
    // Nor may the dev server's pages navigate the window or call IPC.
    const navigation = { preventDefault: vi.fn() };
    window?.webContents.emit('will-navigate', navigation, 'http://localhost:5173/');
    expect(navigation.preventDefault).toHaveBeenCalled();
  });

  it('loads the dev server in an unpackaged app', async () => {
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite'), VITE_DEV_SERVER_URL: 'http://localhost:5173/' });
    const [window] = electron.BrowserWindow.created;
    expect(window?.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    const navigation = { preventDefault: vi.fn() };
    window?.webContents.emit('will-navigate', navigation, 'http://localhost:5173/#/units');
    expect(navigation.preventDefault).not.toHaveBeenCalled();
  });
});

describe('one instance', () => {
  it('stops at once when another instance holds the lock', async () => {
    electron.app.hasLock = false;
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite') });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(0);
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite') });
    const [window] = electron.BrowserWindow.created;
    if (window === undefined) throw new Error('no window');
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['dingxing'], dir);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });
});

describe('a database that cannot be opened', () => {
  it('explains a newer database in both languages with its path, and writes nothing', async () => {
    const file = databaseFromTheFuture();
    const before = fingerprint(dir);
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startDesktopApp({ DINGXING_DB: file });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options?.type).toBe('error');
    expect(options?.message).toContain('更新版本');
    expect(options?.message).toContain('newer version');
    expect(options?.message).toContain('9999');
    expect(options?.detail).toBe(`文件 File: ${file}`);
    expect(options?.buttons).toEqual(['退出 Quit', '打开其他数据库… Open another database…', '显示所在文件夹 Show folder']);
    expect(options?.cancelId).toBe(0);
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
    expect(fingerprint(dir)).toBe(before);
  });

  it('explains a file that is not a readable database, and writes nothing', async () => {
    const file = notADatabase();
    const before = fingerprint(dir);
    await startDesktopApp({ DINGXING_DB: file });
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0];
    expect(options?.message).toContain('无法读取');
    expect(options?.message).toContain('cannot be read');
    expect(options?.detail).toContain(file);
    expect(options?.detail).toContain('详细信息 Details:');
    expect(electron.BrowserWindow.created).toHaveLength(0);
    expect(fingerprint(dir)).toBe(before);
  });

  it('shows the folder when asked, then asks again', async () => {
    const file = databaseFromTheFuture();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 2, checkboxChecked: false }).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startDesktopApp({ DINGXING_DB: file });
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(file);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(electron.BrowserWindow.created).toHaveLength(0);
  });

  it('opens another database file the user picks and starts on it', async () => {
    const file = databaseFromTheFuture();
    const other = path.join(dir, 'other.sqlite');
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [other] });
    await startDesktopApp({ DINGXING_DB: file });
    const openOptions = electron.dialog.showOpenDialog.mock.calls[0]?.[0];
    expect(openOptions?.properties).toEqual(['openFile']);
    expect(openOptions?.defaultPath).toBe(dir);
    expect(electron.BrowserWindow.created).toHaveLength(1);
    expect(electron.ipcHandlers.size).toBeGreaterThan(0);
    expect(fs.existsSync(other)).toBe(true);
    const untouched = new BetterSqlite3(file, { readonly: true });
    expect(untouched.pragma('user_version', { simple: true })).toBe(9999);
    untouched.close();
  });

  it('asks again when the user cancels choosing another file', async () => {
    const file = databaseFromTheFuture();
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false }).mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    await startDesktopApp({ DINGXING_DB: file });
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledTimes(1);
    expect(electron.dialog.showMessageBox).toHaveBeenCalledTimes(2);
    expect(electron.dialog.showMessageBox.mock.calls[1]?.[0].detail).toContain(file);
    expect(electron.BrowserWindow.created).toHaveLength(0);
  });

  it('words an unexpected failure without claiming to know the cause', () => {
    const text = openFailureText('/data/x.sqlite', new Error('disk I/O error'));
    expect(text.message).toContain('意外错误');
    expect(text.message).not.toContain('未被改动');
    expect(text.detail).toContain('/data/x.sqlite');
    expect(text.detail).toContain('disk I/O error');
    expect(openFailureText('/data/x.sqlite', new DxError('DB_UNAVAILABLE', 'x')).message).toContain('The file was not changed');
  });
});

describe('a normal start', () => {
  it('opens the database, wires IPC and shows the window on app://', async () => {
    const file = path.join(dir, 'a.sqlite');
    await startDesktopApp({ DINGXING_DB: file });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    const [window] = electron.BrowserWindow.created;
    expect(window?.loadURL).toHaveBeenCalledWith('app://dingxing/index.html');
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalled();
    expect(electron.ipcHandlers.has('dx:system.status')).toBe(true);
    expect(fs.existsSync(file)).toBe(true);
  });
});

describe('the platform the desktop gives the core', () => {
  it('keeps secrets with safeStorage and finds the fonts', async () => {
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite') });
    const platform = vi.mocked(openCore).mock.calls.at(-1)?.[0].platform;
    expect(platform?.keyStore?.method).toBe('safeStorage');
    expect(platform?.fontsDir).toBe(defaultFontsDir());
    expect(platform?.now()).toBeInstanceOf(Date);
    const secret = Buffer.from('a key-encryption key');
    expect(await platform?.keyStore?.unprotect(await platform.keyStore.protect(secret))).toEqual(secret);
  });

  it('has no key store where the OS cannot keep a secret, so signing is refused rather than faked', async () => {
    electron.safeStorage.isAsyncEncryptionAvailable.mockResolvedValue(false);
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite') });
    expect(vi.mocked(openCore).mock.calls.at(-1)?.[0].platform?.keyStore).toBeNull();
    expect(electron.BrowserWindow.created).toHaveLength(1);
  });

  it('passes the idle-lock setting from the environment to the core', async () => {
    await startDesktopApp({ DINGXING_DB: path.join(dir, 'a.sqlite'), DINGXING_IDLE_LOCK_SECONDS: '60' });
    expect(vi.mocked(openCore).mock.calls.at(-1)?.[0].idleLockMs).toBe(60_000);
  });

  it('reads the fonts from the resources folder of a packaged app', () => {
    expect(desktopFontsDir(true, path.join('/opt', 'dingxing', 'resources'))).toBe(path.join('/opt', 'dingxing', 'resources', 'fonts'));
    expect(desktopFontsDir(false, path.join('/opt', 'dingxing', 'resources'))).toBe(defaultFontsDir());
  });
});
