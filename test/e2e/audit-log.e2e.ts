// 设置 › 审计日志: a team leader reads who did what, filters by record and user, and sees which
// entries a signed checkpoint covers, in Chinese and English.
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { databaseWithSampleUnits, openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing } from './support/dingxing';

const session = useAppInBrowser(async () => {
  const dbFile = await databaseWithSampleUnits('dingxing-e2e-audit-');
  // The import is signed; the users added next are not yet.
  const env = { DINGXING_KEY_PASSPHRASE: 'e2e-audit-passphrase' };
  await dingxing(['identity', 'create', '--db', dbFile], { env });
  await dingxing(['audit', 'checkpoint', '--db', dbFile], { env });
  return { dbFile };
});

describe('the audit log screen', () => {
  it('lists entries with signed marks and filters them, in Chinese and English', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    await page.getByTestId('home-title').waitFor();
    await page.getByTestId('nav-/settings').click();
    await page.getByTestId('settings-tabs').getByRole('tab', { name: '审计日志' }).click();
    const table = page.getByTestId('audit-table');
    await table.getByText('导入单位').waitFor();
    expect(await page.getByTestId('audit-checkpoint').textContent()).toContain('最新签名检查点');
    expect(await table.textContent()).toContain('已签名');
    expect(await table.textContent()).toContain('添加用户');
    // Actions in words (the keys' creation too), records by name with a link, details as labelled fields, never JSON.
    expect(await table.textContent()).toContain('创建工作站密钥');
    // (The imported file's own name may hold dots; codes like units.import and JSON may not.)
    expect((await table.textContent())?.replaceAll('units-zh.utf8.csv', '')).not.toMatch(/[a-z]+\.[a-z]+|\{"/);
    // Every detail's label in words: no field named by its code (imported：5).
    expect(await table.textContent()).not.toMatch(/[A-Za-z]+：/);
    expect(await table.textContent()).toMatch(/用户 (王组长|李检查员|刘分析)/);
    expect(await table.locator('a.record-link').count()).toBeGreaterThan(0);
    await screenshot(page, 'audit-log-zh');

    await page.getByTestId('audit-subject').fill('no-such-record');
    await page.getByTestId('audit-search').click();
    await table.getByText('没有符合条件的记录').waitFor();
    await page.getByTestId('audit-subject').fill('');
    await page.getByTestId('audit-search').click();
    await table.getByText('导入单位').waitFor();

    // The date range is made when reached for: one click opens its calendar; a day range then filters.
    await page.getByTestId('audit-dates-stand-in').click();
    const calendar = page.locator('.el-date-range-picker:visible');
    await calendar.waitFor();
    await screenshot(page, 'audit-log-dates');
    const dates = page.locator('.el-range-editor input');
    await dates.first().fill('2026-11-01');
    await dates.last().fill('2026-11-30');
    await dates.last().press('Enter');
    await page.getByTestId('audit-search').click();
    await table.getByText('没有符合条件的记录').waitFor();
    await page.getByTestId('audit-reset').click();
    await table.getByText('导入单位').waitFor();

    await page.getByTestId('language-switch').getByText('English').click();
    await table.getByText('Units imported').waitFor();
    expect(await page.getByTestId('audit-checkpoint').textContent()).toContain('Newest signed checkpoint');
    expect(await table.textContent()).not.toMatch(/导入|签名|添加/);
    expect(await table.textContent()).toContain('Workstation keys made');
    await screenshot(page, 'audit-log-en');
  });
});
