// A stand-in for the `electron` module (its binary cannot run here) that records what the app sets up.
// One instance per test file: `vi.mock('electron', () => import('./support/fake-electron').then((m) => m.electronModule))`.
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';

type Handler = (...args: any[]) => any;

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: Handler | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  hasLock: true,
  requestSingleInstanceLock: vi.fn(() => app.hasLock),
  quit: vi.fn(),
  enableSandbox: vi.fn(),
  whenReady: vi.fn(() => Promise.resolve()),
});

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly restore = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  minimized = false;
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    BrowserWindow.created.push(this);
    // As in Electron: every new web contents is announced on the app.
    app.emit('web-contents-created', {}, this.webContents);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return false;
  }
}

export const sessionHandlers: { request?: Handler; check?: Handler; device?: Handler } = {};
export const session = {
  defaultSession: {
    setPermissionRequestHandler: (handler: Handler) => (sessionHandlers.request = handler),
    setPermissionCheckHandler: (handler: Handler) => (sessionHandlers.check = handler),
    setDevicePermissionHandler: (handler: Handler) => (sessionHandlers.device = handler),
  },
};

export const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler)),
};

/** net.fetch of a file:// URL, as the protocol handler uses it. */
export const net = {
  fetch: vi.fn(async (url: string) => new Response(fs.readFileSync(fileURLToPath(url)), { status: 200, headers: { 'Content-Type': 'text/html' } })),
};

export const ipcHandlers = new Map<string, Handler>();
export const ipcMain = {
  handle: (channel: string, handler: Handler) => ipcHandlers.set(channel, handler),
  removeHandler: (channel: string) => ipcHandlers.delete(channel),
};

export const dialog = {
  showMessageBox: vi.fn(async (_options: Electron.MessageBoxOptions) => ({ response: 0, checkboxChecked: false })),
  showOpenDialog: vi.fn(async (_options: Electron.OpenDialogOptions) => ({ canceled: true, filePaths: [] as string[] })),
};

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  showItemInFolder: vi.fn(),
  openPath: vi.fn(async (_path: string) => ''),
};

export const safeStorage = {
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn((): ReturnType<Electron.SafeStorage['getSelectedStorageBackend']> => 'gnome_libsecret'),
  encryptStringAsync: vi.fn(async (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`)),
  decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString(), shouldReEncrypt: false })),
};

export const exposedInMainWorld: Record<string, unknown> = {};
export const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => (exposedInMainWorld[key] = value) };
export const ipcRenderer = { invoke: vi.fn(), on: vi.fn(), off: vi.fn() };

export const electronModule = { app, BrowserWindow, session, protocol, net, ipcMain, dialog, shell, safeStorage, contextBridge, ipcRenderer };

/** Back to a fresh, unpackaged app that holds the lock, with nothing recorded. */
export function resetFakeElectron(): void {
  app.removeAllListeners();
  app.isPackaged = false;
  app.hasLock = true;
  BrowserWindow.created = [];
  for (const key of Object.keys(sessionHandlers)) delete sessionHandlers[key as keyof typeof sessionHandlers];
  protocolHandlers.clear();
  ipcHandlers.clear();
  for (const fn of [app.requestSingleInstanceLock, app.quit, app.enableSandbox, app.whenReady, protocol.registerSchemesAsPrivileged, protocol.handle, net.fetch, dialog.showMessageBox, dialog.showOpenDialog, shell.openExternal, shell.showItemInFolder, shell.openPath, ipcRenderer.invoke, safeStorage.isAsyncEncryptionAvailable, safeStorage.getSelectedStorageBackend, safeStorage.encryptStringAsync, safeStorage.decryptStringAsync]) {
    fn.mockReset();
  }
}
