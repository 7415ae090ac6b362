// The app:// handler serves only the renderer folder: malformed escapes are 400, escapes from the folder 403.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./support/fake-electron')).electronModule);

const { resolveAppRequest, serveAppRequest } = await import('../../../electron/main/desktop/app-protocol');

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-app-protocol-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app 1.js'), 'console.log(1)');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'a sibling whose name starts like the root');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('app:// URL decoding', () => {
  it('serves files inside the renderer folder, decoded once', () => {
    expect(resolveAppRequest(root, 'app://dingxing/index.html')).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppRequest(root, 'app://dingxing/assets/app%201.js')).toEqual({ file: path.join(root, 'assets', 'app 1.js') });
    expect(resolveAppRequest(root, 'app://dingxing/')).toEqual({ file: path.join(root, 'index.html') });
    expect(resolveAppRequest(root, 'app://dingxing/?x=1#/units')).toEqual({ file: path.join(root, 'index.html') });
  });

  it('answers 400 to malformed %-escapes and NUL bytes', () => {
    for (const url of ['app://dingxing/%', 'app://dingxing/%E0%A4%A', 'app://dingxing/%ZZ', 'app://dingxing/index.html%00.js', 'app://dingxing/%C0%AF']) {
      expect(resolveAppRequest(root, url), url).toMatchObject({ status: 400 });
    }
  });

  it('answers 403 to any way out of the renderer folder', () => {
    for (const url of [
      'app://dingxing/..%2fsecret.txt',
      'app://dingxing/assets/..%2f..%2fsecret.txt',
      'app://dingxing/%2e%2e%2fsecret.txt',
      'app://dingxing/..%5csecret.txt',
      'app://dingxing/assets%2f..%2f..%2frenderer-evil.txt',
    ]) {
      expect(resolveAppRequest(root, url), url).toMatchObject({ status: 403 });
    }
  });

  it('keeps plain dot segments inside the app (URL parsing resolves them first)', () => {
    expect(resolveAppRequest(root, 'app://dingxing/../secret.txt')).toMatchObject({ status: 404 });
    expect(resolveAppRequest(root, 'app://dingxing/assets/../index.html')).toEqual({ file: path.join(root, 'index.html') });
  });

  it('answers 404 to another host and to a missing asset', () => {
    expect(resolveAppRequest(root, 'app://other/index.html')).toMatchObject({ status: 404 });
    expect(resolveAppRequest(root, 'app://dingxing/assets/missing.js')).toMatchObject({ status: 404 });
  });

  it('sends refusals with the CSP and never reads a file for them', async () => {
    const response = await serveAppRequest(root, new Request('app://dingxing/..%2fsecret.txt'));
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Security-Policy')).toContain("default-src 'self'");
    expect(await response.text()).not.toContain('outside');
    const malformed = await serveAppRequest(root, new Request('app://dingxing/%E0%A4%A'));
    expect(malformed.status).toBe(400);
  });

  it('serves a file with the CSP and nosniff headers', async () => {
    const response = await serveAppRequest(root, new Request('app://dingxing/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>app</title>');
  });
});
