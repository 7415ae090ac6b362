// Settings: an analyst opens 设置 → 评分细则, reads the default star pack's rules (inferred values marked) in Chinese
// and English, looks at the Ding pack, and takes a backup by hand in 备份与恢复.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { useAppInBrowser, openLoggedIn, skipNamingIfAsked } from './support/app-in-browser';

const session = useAppInBrowser();

/** The table row of a rubric item in the pack viewer. */
const itemRow = (page: Page, id: string) => page.locator('tr', { has: page.getByTestId(`rubric-item-${id}`) });

async function openHome(page: Page): Promise<void> {
  await openLoggedIn(page, session.app);
  // vue-router ignores address changes until its first navigation is done.
  await page.getByTestId('home-title').waitFor();
}

describe('settings', () => {
  it('shows the star pack rule by rule with inferred marks, in Chinese and English', async () => {
    const page = await newAppPage(session.browser);
    await openHome(page);

    await page.getByTestId('nav-/settings').click();
    await page.getByTestId('settings-tabs').waitFor();
    // The first tab is the old status page, and /status still lands there.
    await page.getByTestId('schema-version').waitFor();
    await screenshot(page, 'settings-status-zh');

    await page.getByTestId('settings-tabs').getByRole('tab', { name: '评分细则' }).click();
    await page.getByTestId('rubric-list').getByText('wuhan-star@2026.1').waitFor();
    expect(page.url()).toContain('tab=rubrics');
    await page.getByTestId('rubric-open-wuhan-star@2026.1').click();
    await page.getByTestId('rubric-viewer').waitFor();
    const res1 = itemRow(page, 'RES-1');
    await res1.waitFor();
    expect(await res1.textContent()).toContain('是否：4 分');
    expect(await res1.textContent()).toContain('主要负责人为平安建设第一责任人');
    expect(await res1.getByTestId('inferred-tag').textContent()).toContain('推定');
    expect(await itemRow(page, 'RES-3').textContent()).toContain('0–4 分，步长 0.5');
    expect(await itemRow(page, 'PRE-5').textContent()).toContain('每项扣 1 分，最多扣 5 分');
    expect(await itemRow(page, 'STB-1').textContent()).toContain('≥98% 得满分 6 分，每低 1 个百分点扣 0.5 分');
    expect(await itemRow(page, 'SAT-1').textContent()).toContain('样本不少于 30 人');
    expect(await itemRow(page, 'DLV-1').textContent()).toContain('低于 100% 最高 2 星');
    expect(await itemRow(page, 'DLV-1').textContent()).toContain('寄递行业');
    expect(await itemRow(page, 'VETO-1').textContent()).toContain('一票否决');
    expect(await page.getByTestId('rubric-stars').textContent()).toContain('SAT-1 群众安全感测评：比例 ≥ 95%');
    expect(await page.getByTestId('rubric-veto-lockout').textContent()).toContain('12 个月');
    expect(await page.getByTestId('inferred-legend').textContent()).toContain('并非取自武汉市公开文件');
    await screenshot(page, 'settings-rubric-zh');
    // The viewer scrolls inside the shell, so a full-page shot stops at the window: look further down too.
    await itemRow(page, 'STB-4').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-rubric-items-zh');
    await page.getByTestId('rubric-decision').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-rubric-stars-zh');
    // 150% zoom: the same page in a 911×512 CSS-pixel window.
    await page.setViewportSize({ width: 911, height: 512 });
    await res1.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-rubric-zoom150-zh');
    await itemRow(page, 'DLV-1').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-rubric-addons-zoom150-zh');
    await page.setViewportSize({ width: 1366, height: 768 });

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('settings-tabs').getByRole('tab', { name: 'Rubric packs' }).waitFor();
    await expect.poll(() => res1.textContent()).toContain('Yes/no: 4 points');
    expect(await res1.textContent()).toContain('The head of the unit is first responsible');
    expect(await res1.getByTestId('inferred-tag').textContent()).toContain('inferred');
    expect(await itemRow(page, 'PRE-5').textContent()).toContain('1 point off each, at most 5 off');
    expect(await page.getByTestId('inferred-legend').textContent()).toContain('not taken from a published Wuhan document');
    await res1.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-rubric-en');

    // A link opens the Ding pack directly.
    await page.goto(`${session.app.origin}/#/settings?tab=rubrics&pack=wuhan-ding@2026.1`);
    await page.getByTestId('ding-grades').waitFor();
    expect(await page.getByTestId('ding-composite').textContent()).toContain('50%');
    expect(await page.getByTestId('ding-eligibility').textContent()).toContain('30%');
    await screenshot(page, 'settings-ding-en');
    await page.getByTestId('ding-grades').scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-ding-grades-en');

    await page.goto(`${session.app.origin}/#/status`);
    await page.getByTestId('schema-version').waitFor();
    expect(page.url()).toContain('tab=status');
  });

  it('lets the city office set the verification address, refusing a bad one in its words, and shows it read-only to a leader', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app, 'city');
    await page.goto(`${session.app.origin}/#/settings?tab=status`);
    const card = page.getByTestId('verify-address-card');
    await card.waitFor();
    await page.getByTestId('verify-address-input').fill('pingan.wuhan.gov.cn/verify?x=1');
    await page.getByTestId('verify-address-save').click();
    await expect.poll(() => card.textContent()).toContain('须为 http:// 或 https:// 开头');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-verify-address-refused-zh');
    await page.getByTestId('verify-address-input').fill('https://pingan.wuhan.gov.cn/verify');
    await page.getByTestId('verify-address-save').click();
    await page.getByText('验证地址已保存').first().waitFor();
    await expect.poll(() => card.textContent()).toContain('设置于');
    await screenshot(page, 'settings-verify-address-zh');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => card.textContent()).toContain('Verification address');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-verify-address-en');
    await page.context().close();

    const leader = await newAppPage(session.browser);
    await openLoggedIn(leader, session.app, 'leader');
    await leader.goto(`${session.app.origin}/#/settings?tab=status`);
    await expect.poll(() => leader.getByTestId('verify-address-shown').textContent()).toBe('https://pingan.wuhan.gov.cn/verify');
    expect(await leader.getByTestId('verify-address-input').count()).toBe(0);
    await leader.getByTestId('verify-address-card').scrollIntoViewIfNeeded();
    await screenshot(leader, 'settings-verify-address-leader-zh');
    await leader.context().close();
  });

  it('lists the automatic backup, takes one by hand and lists it, in both languages', async () => {
    const page = await newAppPage(session.browser);
    await openHome(page);
    expect(await page.getByTestId('backup-warning').count()).toBe(0);
    await page.goto(`${session.app.origin}/#/settings?tab=backups`);
    await page.getByTestId('backups-table').locator('.el-table__row').first().waitFor();
    expect(await page.getByTestId('backups-table').textContent()).toContain('自动');
    await page.getByTestId('backup-now').click();
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('手动');
    await screenshot(page, 'settings-backups-zh');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('By hand');
    await screenshot(page, 'settings-backups-en');
  });

  it('lets the admin restore a backup after confirming, and then asks everyone to log in again', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app, 'admin');
    await skipNamingIfAsked(page);
    await page.goto(`${session.app.origin}/#/settings?tab=backups`);
    await page.getByTestId('backup-now').click();
    const restore = page.locator('[data-testid^="restore-dingxing-2"]').first();
    await restore.waitFor();
    await restore.click();
    await screenshot(page, 'settings-restore-confirm-zh');
    await page.locator('.el-message-box__btns .el-button--primary').click();
    await page.getByTestId('login-form').waitFor();
    await openLoggedIn(page, session.app, 'admin');
    await page.goto(`${session.app.origin}/#/settings?tab=backups`);
    await expect.poll(() => page.getByTestId('backups-table').textContent()).toContain('恢复前保留');
  });
});
