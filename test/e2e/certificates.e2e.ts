// Certificates as a team leader lives them in the browser: open a signed assessment, issue its certificate (the
// keys are locked, so the unlock dialog asks for the passphrase at that moment), find it in 证书, batch-print the
// valid ones (a job with progress), verify the plaque in 验证证书 from its PDF and its QR text, refuse a forged QR,
// revoke it with a reason and see verification refuse it; lock the keys again in 设置 › 系统状态.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing } from './support/dingxing';

const passphrase = 'e2e workstation passphrase';
let assessmentId = '';
let dir = '';

const session = useAppInBrowser(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-certs-'));
  const dbFile = path.join(dir, 'e2e.sqlite');
  const out = await dingxing(['assessments', 'import', 'test/fixtures/assessments/community-complete.json', '--db', dbFile, '--json']);
  assessmentId = (JSON.parse(out) as string[])[0] as string;
  // The keys are made once with the CLI; serve is started without the passphrase, as `npm run serve` is.
  await dingxing(['identity', 'create', '--db', dbFile], { env: { DINGXING_KEY_PASSPHRASE: passphrase } });
  return { dbFile };
});

async function openSection(page: Page, tab: 'list' | 'verify'): Promise<void> {
  await page.getByTestId('nav-/certificates').click();
  await page.getByTestId('certificate-tabs').waitFor();
  await page.getByTestId('certificate-tabs').getByRole('tab', { name: tab === 'verify' ? /验证证书|Verify a certificate/ : /证书列表|^Certificates$/ }).click();
}

async function verdictOf(page: Page): Promise<string> {
  const result = page.getByTestId('verify-result');
  await result.waitFor();
  return (await result.getAttribute('data-verdict')) ?? '';
}

describe('certificates', () => {
  it('issues from a signed assessment, prints a batch, verifies the plaque and refuses it once revoked', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app, 'leader');

    await page.goto(`${session.app.origin}/#/assessments/${assessmentId}`);
    await page.getByTestId('certificate-issue').click();
    // Locked: the leader is asked for the passphrase now, and a wrong one is refused in words.
    const dialog = page.getByTestId('keys-dialog');
    await dialog.getByTestId('keys-passphrase').waitFor();
    expect(await dialog.getAttribute('data-mode')).toBe('unlock');
    await dialog.getByTestId('keys-passphrase').fill('not the passphrase');
    await dialog.getByTestId('keys-submit').click();
    await expect.poll(() => dialog.getByTestId('keys-error').textContent()).toContain('口令错误');
    await screenshot(page, 'keys-unlock-wrong-zh');
    await dialog.getByTestId('keys-passphrase').fill(passphrase);
    await dialog.getByTestId('keys-submit').click();
    const number = page.getByTestId('certificate-number');
    await number.waitFor();
    expect(await number.textContent()).toBe('WH-2026-420115-000001');
    await screenshot(page, 'certificates-issued-zh');

    // The plaque opens as a PDF in a new window (the browser's own viewer prints it).
    const [plaqueWindow] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('certificate-open').click()]);
    expect(plaqueWindow.url()).toMatch(/^blob:/);
    await plaqueWindow.close();

    await openSection(page, 'list');
    await expect.poll(() => page.getByTestId('cert-status-WH-2026-420115-000001').textContent()).toBe('有效');
    await screenshot(page, 'certificates-list-zh');
    const [batchWindow] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('cert-batch-button').click()]);
    expect(batchWindow.url()).toMatch(/^blob:/);
    await batchWindow.close();

    // The same plaque as a file, as someone would bring it on a USB stick.
    const pdfFile = path.join(dir, 'plaque.pdf');
    const issued = execFileSync(process.execPath, ['bin/dingxing.mjs', 'certificate', 'issue', assessmentId, '--out', pdfFile, '--db', session.app.dbFile, '--json'], { encoding: 'utf8', env: { ...process.env, DINGXING_KEY_PASSPHRASE: passphrase } });
    const qr = (JSON.parse(issued) as { certificate: { qrPayload: string } }).certificate.qrPayload;

    await openSection(page, 'verify');
    await page.getByTestId('verify-file').setInputFiles(pdfFile);
    expect(await verdictOf(page)).toBe('valid');
    expect(await page.getByTestId('verify-unit').textContent()).toBe('花山街道花山社区');
    await screenshot(page, 'certificates-verify-pdf-zh');

    await page.getByTestId('verify-qr').fill(qr);
    await page.getByTestId('verify-qr').press('Enter');
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-verdict')).toBe('valid');

    const [prefix, body, signature] = qr.split('.') as [string, string, string];
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), s: 5 })).toString('base64url')}.${signature}`;
    await page.getByTestId('verify-qr').fill(forged);
    await page.getByTestId('verify-button').click();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-verdict')).toBe('tampered');
    expect(await page.getByTestId('verify-result').textContent()).toContain('篡改');
    // The forged values stand apart as a claim, never in the facts' place.
    expect(await page.getByTestId('verify-certificate').count()).toBe(0);
    expect(await page.getByTestId('verify-claimed').textContent()).toContain('声称的内容 · 未经验证');
    expect(await page.getByTestId('verify-claimed-stars').textContent()).toBe('自称 5 星');
    await screenshot(page, 'certificates-verify-tampered-zh');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('verify-claimed').getByText('Claimed, not verified').waitFor();
    await screenshot(page, 'certificates-verify-tampered-en');
    await page.getByTestId('language-switch').getByText('中文').click();

    // The inspection report is signed too: named for what it is, not called foreign.
    const reportFile = path.join(dir, 'report.pdf');
    execFileSync(process.execPath, ['bin/dingxing.mjs', 'report', assessmentId, '--out', reportFile, '--db', session.app.dbFile], { env: { ...process.env, DINGXING_KEY_PASSPHRASE: passphrase }, stdio: 'ignore' });
    await page.getByTestId('verify-file').setInputFiles(reportFile);
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-verdict')).toBe('other-document');
    expect(await page.getByTestId('verify-document-kind').textContent()).toBe('检查报告');
    expect(await page.getByTestId('verify-document-signature').textContent()).toBe('有效');
    await screenshot(page, 'certificates-verify-report-zh');
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('verify-document-kind').getByText('Inspection report').waitFor();
    await screenshot(page, 'certificates-verify-report-en');
    await page.getByTestId('language-switch').getByText('中文').click();

    await openSection(page, 'list');
    await page.getByTestId('cert-revoke-WH-2026-420115-000001').click();
    await page.getByTestId('cert-revoke-reason').fill('单位搬迁，牌匾收回');
    await page.getByTestId('cert-revoke-confirm').click();
    await expect.poll(() => page.getByTestId('cert-status-WH-2026-420115-000001').textContent()).toBe('已撤销');

    await openSection(page, 'verify');
    await page.getByTestId('verify-qr').fill(qr);
    await page.getByTestId('verify-button').click();
    await expect.poll(() => page.getByTestId('verify-result').getAttribute('data-verdict')).toBe('revoked');
    expect(await page.getByTestId('verify-result').textContent()).toContain('单位搬迁，牌匾收回');

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('verify-result').getByText('The certificate was revoked').waitFor();
    await screenshot(page, 'certificates-verify-revoked-en');
    await openSection(page, 'list');
    await expect.poll(() => page.getByTestId('cert-status-WH-2026-420115-000001').textContent()).toBe('Revoked');
    await screenshot(page, 'certificates-list-en');
    // The search box shows its whole English hint.
    const hint = await page.getByTestId('cert-filter-search').evaluate((input: HTMLInputElement) => {
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = getComputedStyle(input).font;
      return { text: context.measureText(input.placeholder).width, box: input.clientWidth };
    });
    expect(hint.text).toBeLessThanOrEqual(hint.box);

    // Unlocked for the running server until someone locks them again.
    await page.goto(`${session.app.origin}/#/settings?tab=status`);
    const card = page.getByTestId('keys-card');
    await expect.poll(() => card.getAttribute('data-state')).toBe('unlocked');
    await screenshot(page, 'keys-card-unlocked-en');
    await card.getByTestId('keys-lock').click();
    await expect.poll(() => card.getAttribute('data-state')).toBe('locked');
    await screenshot(page, 'keys-card-locked-en');
    await card.getByTestId('keys-unlock').click();
    await page.getByTestId('keys-dialog').getByTestId('keys-passphrase').waitFor();
    await screenshot(page, 'keys-unlock-dialog-en');
    await page.getByTestId('keys-dialog').getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('language-switch').getByText('中文').click();
    await screenshot(page, 'keys-card-locked-zh');
    await card.getByTestId('keys-unlock').click();
    await page.getByTestId('keys-dialog').getByTestId('keys-passphrase').waitFor();
    await screenshot(page, 'keys-unlock-dialog-zh');
  });

  it('tells an inspector who must unlock the keys instead of refusing with an error', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app, 'inspector');
    await page.goto(`${session.app.origin}/#/assessments/${assessmentId}`);
    await page.getByTestId('report-open').click();
    const dialog = page.getByTestId('keys-dialog');
    await dialog.getByTestId('keys-ask').waitFor();
    expect(await dialog.getAttribute('data-mode')).toBe('askLeader');
    expect(await dialog.textContent()).toContain('组长或管理员');
    await screenshot(page, 'keys-ask-leader-zh');
    await page.context().close();
  });

  it('opens 验证证书 from a link without loading the list, and draws the list only while its tab is open', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app, 'leader');
    let listRequests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/certificates.page')) listRequests += 1;
    });
    await page.goto(`${session.app.origin}/#/certificates?tab=verify`);
    await page.getByTestId('verify-drop').waitFor();
    expect(listRequests).toBe(0);
    expect(await page.getByTestId('certificate-table').count()).toBe(0);

    await openSection(page, 'list');
    await page.getByTestId('certificate-table').waitFor();
    expect(listRequests).toBe(1);
    // Switching away removes the table rather than hiding it: a hidden table would still lay itself out and draw its rows again.
    await openSection(page, 'verify');
    await page.getByTestId('verify-drop').waitFor();
    expect(await page.getByTestId('certificate-table').count()).toBe(0);
  });
});
