// The assessment flow as an inspector and team leader live it: import units, open one, fill the form watching the
// stars change live, attach a photo, survive a reload, submit, sign, and see the unit's stars and history updated.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { databaseWithSampleUnits, useAppInBrowser, openLoggedIn } from './support/app-in-browser';
import { writePng } from './support/png';

let photo: string;

const session = useAppInBrowser(async () => {
  const dbFile = await databaseWithSampleUnits('dingxing-e2e-assess-');
  photo = path.join(path.dirname(dbFile), 'photo.png');
  writePng(photo);
  return { dbFile };
});

async function liveTotal(page: Page): Promise<string> {
  return (await page.getByTestId('live-total').textContent())?.trim() ?? '';
}

/** Answers every item: Y for checks, N for vetoes, a middling number elsewhere, a survey of 200. */
async function fillEverything(page: Page): Promise<void> {
  const ids = await page.locator('[data-testid^="item-"]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
  for (const testId of ids) {
    const item = page.getByTestId(testId);
    const radios = item.locator('.el-radio-button');
    if ((await radios.count()) > 0) {
      const veto = /VETO|FIN-3/.test(testId);
      await radios.filter({ hasText: veto ? '否' : '是' }).click();
      continue;
    }
    const survey = item.locator('[data-testid$="-safe"] input');
    if ((await survey.count()) > 0) {
      await survey.fill('180');
      await item.locator('[data-testid$="-fairlySafe"] input').fill('15');
      await item.locator('[data-testid$="-unsafe"] input').fill('5');
      await item.locator('[data-testid$="-unsafe"] input').press('Tab');
      continue;
    }
    const input = item.locator('.el-input-number input').first();
    if ((await input.count()) > 0) {
      const value = /PRE-5/.test(testId) ? '1' : /STB-[456]|DLV-[56]|FIN-[12]/.test(testId) ? '0' : /STB-1|DLV-[1-4]/.test(testId) ? '100' : '3';
      await input.fill(value);
      await input.press('Tab');
    }
  }
}

describe('assessment flow', () => {
  it('fills, autosaves, survives a reload, submits and signs; the unit’s stars follow', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    await page.getByTestId('home-stars-chart').waitFor();

    await page.goto(`${session.app.origin}/#/units`);
    await page.locator('[data-testid="units-table"] .unit-link').first().click();
    await page.getByTestId('unit-assessments').waitFor();
    await page.getByTestId('unit-start-assessment').click();
    await page.getByTestId('assessment-form').waitFor();
    await page.getByTestId('item-RES-1').waitFor();
    const formUrl = page.url();

    await expect.poll(() => liveTotal(page)).toBe('0');
    await page.getByTestId('item-RES-1').locator('.el-radio-button').filter({ hasText: '是' }).click();
    await expect.poll(() => liveTotal(page)).toBe('4');
    expect(Number(await page.getByTestId('missing-count').getAttribute('data-count'))).toBeGreaterThan(20);

    await fillEverything(page);
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    const total = await liveTotal(page);
    expect(Number(total)).toBeGreaterThan(60);
    expect(await page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('1');

    await page.getByTestId('evidence-input-RES-1').setInputFiles(photo);
    await page.getByTestId('item-RES-1').getByTestId('evidence-thumb').locator('img').waitFor();
    await expect.poll(() => page.getByTestId('autosave-status').textContent(), { timeout: 10_000 }).toMatch(/已自动保存 \d\d:\d\d/);
    await screenshot(page, 'assessment-filled');

    await page.reload();
    await page.getByTestId('item-RES-1').waitFor();
    await expect.poll(() => liveTotal(page)).toBe(total);
    expect(await page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    expect(await page.getByTestId('evidence-thumb').count()).toBe(1);

    await page.goto(`${session.app.origin}/#/assessments?tab=drafts`);
    await page.getByTestId('drafts-list').locator('tbody tr').first().waitFor();
    expect(await page.getByTestId('drafts-list').locator('tbody tr').count()).toBe(1);
    await page.goto(formUrl);
    await page.getByTestId('item-RES-1').waitFor();

    await page.getByTestId('trace-button').click();
    await page.getByTestId('trace-table').waitFor();
    await page.keyboard.press('Escape');

    await page.getByTestId('submit-button').click();
    // 提交 says what it does before it does it.
    const submitConfirm = page.locator('.dx-submit-confirm');
    await submitConfirm.waitFor();
    expect(await submitConfirm.innerText()).toContain('不能再修改');
    await submitConfirm.getByRole('button', { name: '提交' }).click();
    await page.getByTestId('sign-button').click();
    // A signed assessment can never change: the confirmation names the unit, its total and its stars.
    const confirm = page.locator('.dx-sign-confirm');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/总分 [\d.]+ 分，授予 (\d 星|无星)/);
    await screenshot(page, 'assessment-sign-confirm');
    await confirm.getByRole('button', { name: '签发' }).click();
    await page.getByTestId('signed-by').waitFor();
    expect(await page.getByTestId('assessment-status').getAttribute('data-status')).toBe('signed');
    await screenshot(page, 'assessment-signed');

    await page.locator('.meta a').first().click();
    await page.getByTestId('unit-assessments').waitFor();
    await expect.poll(() => page.getByTestId('unit-assessments').textContent()).toContain('已签发');
    await screenshot(page, 'unit-after-sign');
  });
});
