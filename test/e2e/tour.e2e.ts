// A look at the screens an inspector meets first, in Chinese and in English, on demo data: the 评定 list with its
// tabs, a draft's form with a number held to its limits, the trace with names and subtotals, and an import preview
// with many errors. Each is checked for what it must show and kept as a screenshot for people to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing } from './support/dingxing';

let draftId = '';
let signedId = '';
const session = useAppInBrowser(async () => {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-tour-')), 'e2e.sqlite');
  await dingxing(['demo', '--units', '120', '--db', dbFile]);
  const db = new BetterSqlite3(dbFile, { readonly: true });
  draftId = db.prepare("SELECT id FROM assessments WHERE status = 'draft' ORDER BY id LIMIT 1").pluck().get() as string;
  signedId = db.prepare("SELECT id FROM assessments WHERE status = 'signed' ORDER BY total DESC LIMIT 1").pluck().get() as string;
  db.close();
  return { dbFile };
});

/** 300 rows, every other one in a district that does not exist. */
function fileWithErrors(): string {
  const lines = ['名称,类型,行业,区'];
  for (let index = 0; index < 300; index += 1) lines.push(`示例单位${index},企业,,${index % 2 === 0 ? '江岸区' : '火星区'}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-tour-')), 'units-with-errors.csv');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.evaluate(() => document.getAnimations().filter((animation) => animation.playState === 'running').length)).toBe(0);
}

async function tour(locale: 'zh-CN' | 'en'): Promise<void> {
  const en = locale === 'en';
  const page = await newAppPage(session.browser);
  await page.addInitScript((value) => localStorage.setItem('dingxing.locale', value), locale);
  await openLoggedIn(page, session.app, 'leader');

  await page.goto(`${session.app.origin}/#/assessments`);
  // The demo's drafts are its made-up inspectors' (我的草稿 holds only the user's own): the list
  // to look at is 全部评定.
  await page.getByTestId('tab-all').click();
  await page.getByTestId('all-list').locator('tbody tr').first().waitFor();
  await expect.poll(() => page.getByTestId('assessment-tabs').innerText(), { timeout: 5000 }).toMatch(en ? /My drafts \(\d+\)[\s\S]*Awaiting signature \(\d+\)[\s\S]*All assessments \([\d,]+\)/ : /我的草稿（\d+）[\s\S]*待签发（\d+）[\s\S]*全部评定（[\d,]+）/);
  await settle(page);
  await screenshot(page, `tour-assessments-${locale}`);

  await page.goto(`${session.app.origin}/#/assessments/${draftId}`);
  await page.getByTestId('item-RES-3').waitFor();
  await page.getByTestId('item-RES-3').locator('.control input').first().fill('');
  await page.getByTestId('item-RES-3').locator('.control input').first().pressSequentially('3.3');
  await page.keyboard.press('Tab');
  await expect.poll(() => page.getByTestId('reason-RES-3').innerText()).toBe(en ? '3.3 is not a multiple of 0.5; kept as 3.5' : '3.3 不是 0.5 的整数倍，已记为 3.5');
  await page.getByTestId('item-RES-3').scrollIntoViewIfNeeded();
  await settle(page);
  await screenshot(page, `tour-form-${locale}`);

  await page.goto(`${session.app.origin}/#/assessments/${signedId}`);
  await page.getByTestId('trace-button').click();
  await page.getByTestId('trace-table').waitFor();
  expect(await page.getByTestId('trace-dialog').innerText()).toContain(en ? 'Responsibility: subtotal' : '工作责任制 小计');
  await settle(page);
  await screenshot(page, `tour-trace-${locale}`);
  await page.keyboard.press('Escape');

  await page.goto(`${session.app.origin}/#/units`);
  await page.getByTestId('units-import-button').click();
  await page.getByTestId('import-file').setInputFiles(fileWithErrors());
  await page.getByTestId('import-errors').waitFor();
  expect(await page.getByTestId('import-errors-csv').innerText()).toContain('150');
  await settle(page);
  await screenshot(page, `tour-import-${locale}`);
  await page.context().close();
}

describe('the first screens, in both languages', () => {
  it('in Chinese', { timeout: 120_000 }, () => tour('zh-CN'));
  it('in English', { timeout: 120_000 }, () => tour('en'));
});
