// The Electron door's guards, with electron itself stood in for (its binary cannot run here).
import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (...args: unknown[]) => unknown>();
const exposed: Record<string, unknown> = {};
const invoke = vi.fn();
const openExternal = vi.fn();

vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler), removeHandler: (channel: string) => handlers.delete(channel) },
  ipcRenderer: { invoke, on: vi.fn(), off: vi.fn() },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  shell: { openExternal },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  net: { fetch: vi.fn() },
}));

const { senderIsTrusted, registerIpcTransport } = await import('../../../electron/main/desktop/ipc-transport');
const { lockDownContents, denyAllPermissions, isAppUrl } = await import('../../../electron/main/desktop/window-security');
const { procedures } = await import('@shared/api/contract');
const { ipcChannel } = await import('@shared/api/ipc-channels');

function senderWith(id: number) {
  return { id, isDestroyed: () => false, send: vi.fn(), once: vi.fn() };
}

function eventFrom(url: string, parent: unknown = null, sender = senderWith(1)) {
  return { senderFrame: { url, parent }, sender } as never;
}

describe('IPC sender check', () => {
  it('trusts only the app’s own top frame', () => {
    expect(senderIsTrusted(eventFrom('app://dingxing/index.html#/units'), null)).toBe(true);
    expect(senderIsTrusted(eventFrom('https://evil.example/'), null)).toBe(false);
    expect(senderIsTrusted(eventFrom('app://dingxing.evil/index.html'), null)).toBe(false);
    expect(senderIsTrusted(eventFrom('app://dingxing/index.html', { url: 'app://dingxing/' }), null)).toBe(false);
    expect(senderIsTrusted(eventFrom('not a url'), null)).toBe(false);
    expect(senderIsTrusted(eventFrom('http://127.0.0.1:5173/'), 'http://127.0.0.1:5173')).toBe(true);
    expect(senderIsTrusted(eventFrom('http://127.0.0.1:5173/'), null)).toBe(false);
  });
});

describe('IPC transport', () => {
  beforeEach(() => handlers.clear());

  it('registers one handler per procedure and refuses untrusted senders before dispatching', async () => {
    const dispatch = vi.fn(async () => ({ ok: true, value: 1 }));
    registerIpcTransport({ dispatch, cancel: vi.fn(), onProgress: () => () => undefined } as never, null);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(procedures).map(ipcChannel).sort());
    const handler = handlers.get(ipcChannel('system.status')) as (...args: unknown[]) => Promise<unknown>;
    expect(await handler(eventFrom('https://evil.example/'), {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(eventFrom('app://dingxing/index.html'), {}, 'job-1')).toEqual({ ok: true, value: 1 });
    expect(dispatch).toHaveBeenCalledWith('system.status', {}, { session: null }, 'job-1');
  });

  it('keeps each window’s login to that window and forgets it on logout', async () => {
    const dispatch = vi.fn(async (name: string) => (name === 'session.login' ? { ok: true, value: { session: 'value-of-window-1' } } : { ok: true, value: {} }));
    registerIpcTransport({ dispatch, cancel: vi.fn(), onProgress: () => () => undefined } as never, null);
    const call = (name: string, sender: ReturnType<typeof senderWith>) =>
      (handlers.get(ipcChannel(name)) as (...args: unknown[]) => Promise<unknown>)(eventFrom('app://dingxing/index.html', null, sender), {});
    const first = senderWith(1);
    const second = senderWith(2);
    await call('session.login', first);
    await call('system.status', first);
    await call('system.status', second);
    expect(dispatch).toHaveBeenNthCalledWith(2, 'system.status', {}, { session: 'value-of-window-1' }, undefined);
    expect(dispatch).toHaveBeenNthCalledWith(3, 'system.status', {}, { session: null }, undefined);
    await call('session.logout', first);
    await call('system.status', first);
    expect(dispatch).toHaveBeenLastCalledWith('system.status', {}, { session: null }, undefined);
  });
});

describe('window lock-down', () => {
  function lockedDown() {
    const contents = {
      listeners: new Map<string, (event: { preventDefault(): void; url?: string }, url?: string) => void>(),
      openHandler: (_details: { url: string }): { action: string } => ({ action: 'allow' }),
      on(name: string, listener: (event: { preventDefault(): void }, url?: string) => void) {
        contents.listeners.set(name, listener);
      },
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        contents.openHandler = handler;
      },
    };
    lockDownContents(contents as never, ['app://dingxing']);
    return contents;
  }

  it('blocks navigation, redirects and frame navigation away from the app', () => {
    const contents = lockedDown();
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = { preventDefault: vi.fn() };
      contents.listeners.get(name)?.(away, 'https://evil.example/');
      expect(away.preventDefault).toHaveBeenCalled();
      const inside = { preventDefault: vi.fn() };
      contents.listeners.get(name)?.(inside, 'app://dingxing/index.html#/units');
      expect(inside.preventDefault).not.toHaveBeenCalled();
    }
    const frameAway = { preventDefault: vi.fn(), url: 'https://evil.example/' };
    contents.listeners.get('will-frame-navigate')?.(frameAway);
    expect(frameAway.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.listeners.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    expect(isAppUrl('javascript:alert(1)', ['app://dingxing'])).toBe(false);
  });

  it('denies every new window and opens no link outside while the allow-list is empty', () => {
    const contents = lockedDown();
    for (const url of ['https://www.gov.cn/', 'http://example.com/', 'file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)']) {
      expect(contents.openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request, check and device', () => {
    let requestHandler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void = () => undefined;
    let checkHandler: () => boolean = () => true;
    let deviceHandler: () => boolean = () => true;
    denyAllPermissions({
      setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
      setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      setDevicePermissionHandler: (handler: typeof deviceHandler) => (deviceHandler = handler),
    } as never);
    const granted = vi.fn();
    requestHandler(null, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(checkHandler()).toBe(false);
    expect(deviceHandler()).toBe(false);
  });
});

describe('preload bridge', () => {
  it('exposes one method per procedure, each bound to its own channel', async () => {
    await import('../../../electron/preload/index');
    const bridge = exposed.dingxing as { procedures: Record<string, (input: unknown, jobId?: string) => unknown> };
    expect(Object.keys(bridge.procedures).sort()).toEqual(Object.keys(procedures).sort());
    expect(Object.isFrozen(bridge.procedures)).toBe(true);
    await bridge.procedures['system.status']?.({}, undefined);
    expect(invoke).toHaveBeenCalledWith('dx:system.status', {}, undefined);
    expect('invoke' in bridge).toBe(false);
  });
});
