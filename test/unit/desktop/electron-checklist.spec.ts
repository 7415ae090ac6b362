// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), item by item, asserted
// against what the real entry sets up when `electron` is stood in for. Items that do not apply say why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronModule);
vi.mock('../../../electron/main/backups/scheduled-backup', () => ({ startBackupSchedule: vi.fn(() => () => undefined) }));

const { startDesktopApp } = await import('../../../electron/main/desktop/desktop-app');
const { externalLinkAllowList } = await import('../../../electron/main/desktop/external-links');
const { procedures } = await import('@shared/api/contract');
const { ipcChannel } = await import('@shared/api/ipc-channels');

let dir: string;
let window: electron.BrowserWindow;
let preferences: Electron.WebPreferences;
let sandboxEnabledBeforeReady = false;
let permissionHandlersBeforeWindow = false;

beforeAll(async () => {
  electron.resetFakeElectron();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-checklist-'));
  electron.app.whenReady.mockImplementation(async () => {
    sandboxEnabledBeforeReady = electron.app.enableSandbox.mock.calls.length > 0;
  });
  electron.app.on('web-contents-created', () => {
    permissionHandlersBeforeWindow = electron.sessionHandlers.request !== undefined && electron.sessionHandlers.check !== undefined;
  });
  await startDesktopApp({ DINGXING_DB: path.join(dir, 'checklist.sqlite') });
  const [created] = electron.BrowserWindow.created;
  if (created === undefined) throw new Error('the app opened no window');
  window = created;
  preferences = window.options.webPreferences ?? {};
});

afterAll(() => {
  electron.app.emit('will-quit');
  fs.rmSync(dir, { recursive: true, force: true });
});

function navigationPrevented(event: string, url: string): boolean {
  const navigation = { preventDefault: vi.fn(), url };
  window.webContents.emit(event, navigation, url);
  return navigation.preventDefault.mock.calls.length > 0;
}

function ipcEvent(url: string, parent: unknown = null) {
  return { senderFrame: { url, parent }, sender: window.webContents };
}

const hostileUrls = ['https://evil.example/', 'http://127.0.0.1:4680/', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,<script>1</script>', 'app://dingxing.evil/', 'chrome://settings'];

describe('Electron security checklist', () => {
  it('1. only loads secure content: the app from its own secure app:// scheme, nothing remote', () => {
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://dingxing/index.html');
    const [schemes] = electron.protocol.registerSchemesAsPrivileged.mock.calls[0] ?? [];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(schemes?.[0]?.privileges).not.toHaveProperty('bypassCSP');
  });

  it('2. gives the renderer no Node integration, not in workers or frames either', () => {
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
  });

  it('3. isolates the preload’s context', () => {
    expect(preferences.contextIsolation).toBe(true);
  });

  it('4. sandboxes the renderer, for every window (app.enableSandbox before ready)', () => {
    expect(preferences.sandbox).toBe(true);
    expect(sandboxEnabledBeforeReady).toBe(true);
  });

  it('5. denies every permission request, check and device on the session the window uses, before the window exists', () => {
    expect(permissionHandlersBeforeWindow).toBe(true);
    expect(preferences.partition).toBeUndefined();
    expect(preferences.session).toBeUndefined();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'display-capture']) {
      const callback = vi.fn();
      electron.sessionHandlers.request?.(window.webContents, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(electron.sessionHandlers.check?.(window.webContents, permission, 'app://dingxing', {}), permission).toBe(false);
    }
    expect(electron.sessionHandlers.device?.({ deviceType: 'usb', origin: 'app://dingxing' })).toBe(false);
  });

  it('6. keeps webSecurity on', () => {
    expect(preferences.webSecurity).toBe(true);
  });

  it('7. sends a Content-Security-Policy with every app:// response', async () => {
    const handler = electron.protocolHandlers.get('app');
    if (handler === undefined) throw new Error('app:// is not handled');
    for (const url of ['app://dingxing/index.html', 'app://dingxing/', 'app://dingxing/assets/missing.js', 'app://dingxing/..%2f..%2fpackage.json', 'app://dingxing/%E0%A4%A']) {
      const response = await handler(new Request(url));
      const policy = response.headers.get('Content-Security-Policy') ?? '';
      expect(policy, url).toContain("default-src 'self'");
      expect(policy, url).toContain("object-src 'none'");
      expect(policy, url).toContain("frame-ancestors 'none'");
      const scriptSrc = policy.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc, url).toBe(" script-src 'self'");
    }
  });

  it('8. does not allow insecure content to run', () => {
    expect(preferences.allowRunningInsecureContent).toBe(false);
  });

  it('9. enables no experimental features', () => {
    expect(preferences.experimentalFeatures).toBe(false);
  });

  it('10. enables no Blink features', () => {
    expect(preferences.enableBlinkFeatures).toBeUndefined();
  });

  it('11–12. allows no <webview> at all, so no allowpopups and no options to verify', () => {
    expect(preferences.webviewTag).toBe(false);
    const attach = { preventDefault: vi.fn() };
    window.webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('13. refuses navigation, redirects and frame navigation away from the app', () => {
    for (const url of hostileUrls) {
      expect(navigationPrevented('will-navigate', url), url).toBe(true);
      expect(navigationPrevented('will-redirect', url), url).toBe(true);
      expect(navigationPrevented('will-frame-navigate', url), url).toBe(true);
    }
    expect(navigationPrevented('will-navigate', 'app://dingxing/index.html#/units')).toBe(false);
  });

  it('14. denies every new window', () => {
    for (const url of [...hostileUrls, 'app://dingxing/index.html', 'https://www.gov.cn/']) {
      expect(window.webContents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window' }), url).toEqual({ action: 'deny' });
    }
  });

  it('15. hands no untrusted URL to shell.openExternal (the allow-list is empty)', () => {
    expect(externalLinkAllowList).toEqual([]);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('16. uses a current Electron, pinned exactly', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const version = pkg.devDependencies.electron ?? '';
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('17. checks the sender frame of every IPC message before anything runs', async () => {
    const channels = Object.keys(procedures).map(ipcChannel);
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(channels.sort());
    const untrusted = [...hostileUrls.map((url) => ipcEvent(url)), ipcEvent('app://dingxing/index.html', { url: 'app://dingxing/' }), { senderFrame: null, sender: window.webContents }];
    for (const channel of channels) {
      for (const event of untrusted) {
        const result = await electron.ipcHandlers.get(channel)?.(event, {});
        expect(result, `${channel} from ${event.senderFrame?.url}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    const trusted = await electron.ipcHandlers.get(ipcChannel('system.status'))?.(ipcEvent('app://dingxing/index.html#/'), {});
    expect(trusted?.error?.message).not.toBe('Untrusted sender');
  });

  it('18. serves the app from a custom protocol, not file://, and gives file:// no extra privileges', () => {
    expect(String(window.loadURL.mock.calls[0]?.[0])).not.toMatch(/^file:/);
    const config = JSON.parse(fs.readFileSync('build/electron-builder.json', 'utf8')) as { electronFuses: Record<string, boolean> };
    expect(config.electronFuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('19. turns off the fuses the app does not need', () => {
    const config = JSON.parse(fs.readFileSync('build/electron-builder.json', 'utf8')) as { asar: boolean; electronFuses: Record<string, boolean> };
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('20. exposes no Electron API to the page: only the typed procedures and a progress subscription', async () => {
    expect(preferences.preload).toMatch(/dist-electron[\\/]preload\.cjs$/);
    await import('../../../electron/preload/index');
    expect(Object.keys(electron.exposedInMainWorld)).toEqual(['dingxing']);
    const bridge = electron.exposedInMainWorld.dingxing as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual(['onProgress', 'procedures']);
    const methods = bridge.procedures as Record<string, unknown>;
    expect(Object.isFrozen(methods)).toBe(true);
    expect(Object.values(methods).every((method) => typeof method === 'function')).toBe(true);
    expect(Object.keys(methods).sort()).toEqual(Object.keys(procedures).sort());
  });
});
