// The standalone verifier page (`dingxing verifier export`): opened from file:// in Chromium with no
// network, it accepts a real plaque's QR text and refuses a forged one and one from an unknown key.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from './support/browser';
import { dingxing } from './support/dingxing';

let browser: Browser;
let dir: string;
let qr: string;
let html: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-verifier-'));
  const db = path.join(dir, 'v.sqlite');
  const run = (...args: string[]) => dingxing([...args, '--db', db], { env: { DINGXING_KEY_PASSPHRASE: 'verifier e2e passphrase' } });
  await run('identity', 'create');
  const [id] = JSON.parse(await run('assessments', 'import', 'test/fixtures/assessments/community-complete.json', '--json')) as string[];
  qr = (JSON.parse(await run('certificate', 'issue', id as string, '--out', path.join(dir, 'p.pdf'), '--json')) as { certificate: { qrPayload: string } }).certificate.qrPayload;
  html = path.join(dir, 'verify.html');
  await run('verifier', 'export', '--out', html);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function openVerifier(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
  // The page judges validity on the day it is opened: the browser's clock is the test run's pinned one (DINGXING_NOW).
  await context.clock.setFixedTime(new Date(process.env.DINGXING_NOW as string));
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.goto(`file://${html}`);
  page.on('close', () => expect(requests).toEqual([]));
  return page;
}

async function check(page: Page, text: string): Promise<string> {
  await page.fill('#qr', text);
  await page.click('#check');
  await page.locator('#result:not([hidden])').waitFor();
  await page.waitForFunction(() => document.getElementById('result')?.dataset.verdict !== undefined);
  return (await page.locator('#result').getAttribute('data-verdict')) ?? '';
}

describe('the standalone verifier page', () => {
  it('shows a real plaque as valid with its fields', async () => {
    const page = await openVerifier();
    expect(await check(page, qr)).toBe('valid');
    const text = await page.locator('#result').textContent();
    expect(text).toContain('证书有效');
    expect(text).toContain('花山街道花山社区');
    expect(text).toContain('★★★★☆');
    expect(await page.locator('#claimed').isVisible()).toBe(false);
    await screenshot(page, 'verifier-valid');
    await page.close();
  });

  it('refuses a payload with a changed field, one signed by an unknown key, and garbage', async () => {
    const page = await openVerifier();
    const [prefix, body, signature] = qr.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...payload, s: 5 })).toString('base64url')}.${signature}`;
    expect(await check(page, forged)).toBe('tampered');
    expect(await page.locator('#verdict').textContent()).toContain('篡改');
    // What the forged text says is shown only as a claim, in its own struck-through block.
    expect(await page.locator('#claimed').isVisible()).toBe(true);
    expect(await page.locator('#fields').getAttribute('class')).toBe('claimed');
    await screenshot(page, 'verifier-tampered');

    const stranger = crypto.generateKeyPairSync('ed25519');
    const other = Buffer.from(JSON.stringify({ ...payload, w: '01900000-0000-7000-8000-000000000000' }));
    const foreign = `DX1.${other.toString('base64url')}.${crypto.sign(null, other, stranger.privateKey).toString('base64url')}`;
    expect(await check(page, foreign)).toBe('unknown-workstation');
    expect(await check(page, 'https://example.com/not-a-plaque')).toBe('not-ours');
    await page.close();
  });
});
