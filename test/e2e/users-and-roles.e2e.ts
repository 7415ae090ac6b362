// Who is calling, as people meet it: a fresh workstation asks for its admin, the admin adds an inspector and a
// leader, the inspector submits but cannot sign (not in the UI, not by a hand-made call), the leader signs and the
// assessment shows both names; the app locks itself when left alone and gives the open form back after the password.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { databaseWithSampleUnits, openLoggedIn, useAppInBrowser } from './support/app-in-browser';

const fresh = useAppInBrowser(async () => ({ dbFile: await databaseWithSampleUnits('dingxing-e2e-roles-'), users: false }));
const idle = useAppInBrowser(async () => ({ dbFile: await databaseWithSampleUnits('dingxing-e2e-idle-'), env: { DINGXING_IDLE_LOCK_SECONDS: '3' } }));

async function fillInput(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).fill(value);
}

async function login(page: Page, name: string, password: string): Promise<void> {
  await fillInput(page, 'login-name', name);
  await fillInput(page, 'login-password', password);
  await page.getByTestId('login-submit').click();
}

async function addUser(page: Page, user: { name: string; displayName: string; role: 'inspector' | 'leader'; password: string }): Promise<void> {
  await page.getByTestId('users-add').click();
  await fillInput(page, 'user-name', user.name);
  await fillInput(page, 'user-display-name', user.displayName);
  await fillInput(page, 'user-password', user.password);
  // Nothing is ticked for a new user: saving without a role is refused in words.
  expect(await page.getByTestId('user-roles').locator('.is-checked').count()).toBe(0);
  await page.getByTestId('user-save').click();
  await expect.poll(() => page.getByTestId('user-dialog-error').textContent()).toContain('请至少勾选一个角色');
  await page.getByTestId('user-role-inspector').click();
  if (user.role === 'leader') await page.getByTestId('user-role-leader').click();
  await page.getByTestId('user-save').click();
  await expect.poll(() => page.getByTestId('users-table').textContent()).toContain(user.displayName);
  // The list shows the roles the admin ticked, all of them, and no others.
  const expected = user.role === 'leader' ? '检查员组长' : '检查员';
  await expect.poll(async () => (await page.getByTestId(`user-roles-${user.name}`).textContent())?.replace(/\s/g, '')).toBe(expected);
}

/** Answers every applicable item through the API, as a script of the inspector's would, with the tab's own session. */
async function answerEverything(page: Page, assessmentId: string): Promise<void> {
  await page.evaluate(async (id) => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('dingxing.token')}`, 'X-Dingxing-Session': sessionStorage.getItem('dingxing.session') ?? '' };
    const post = async (name: string, body: unknown) => (await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(body) })).json();
    const { result } = await post('assessments.get', { id });
    const answers: Record<string, unknown> = {};
    for (const section of result.form) {
      for (const item of section.items) {
        answers[item.id] = { check: true, veto: false, scale: item.points, deduct: 0, rate: 100, gate: 100, survey: { respondents: 200, safe: 200 } }[item.kind as string];
      }
    }
    await post('assessments.saveDraft', { id, answers });
  }, assessmentId);
}

async function startAssessmentOfFirstUnit(page: Page, origin: string): Promise<string> {
  await page.goto(`${origin}/#/units`);
  await page.locator('[data-testid="units-table"] .unit-link').first().click();
  await page.getByTestId('unit-start-assessment').click();
  await page.getByTestId('item-RES-1').waitFor();
  return page.url().split('/').pop() ?? '';
}

describe('users and roles', () => {
  it('asks a fresh workstation for its admin, who adds an inspector and a team leader', async () => {
    const page = await newAppPage(fresh.browser);
    await page.goto(fresh.app.url);
    await page.getByTestId('setup-form').waitFor();
    await screenshot(page, 'setup-admin-zh');
    await fillInput(page, 'setup-name', 'admin');
    await fillInput(page, 'setup-display-name', '系统管理员');
    await fillInput(page, 'setup-password', 'admin-password-1');
    await fillInput(page, 'setup-password-again', 'admin-password-1');
    // The workstation's name is asked here, at first start, and required.
    await page.getByTestId('setup-submit').click();
    expect(await page.getByTestId('setup-error').textContent()).toContain('工作站名称');
    await fillInput(page, 'setup-workstation-name', '汉阳区检查一组');
    await fillInput(page, 'setup-display-name', '系统管理员');
    await fillInput(page, 'setup-password', 'short');
    await fillInput(page, 'setup-password-again', 'short');
    await page.getByTestId('setup-submit').click();
    expect(await page.getByTestId('setup-error').textContent()).toContain('至少 8 个字符');
    await fillInput(page, 'setup-password', 'admin-password-1');
    await fillInput(page, 'setup-password-again', 'admin-password-1');
    await page.getByTestId('setup-submit').click();
    await expect.poll(() => page.getByTestId('header-user-name').textContent()).toBe('系统管理员');
    // The name shows in the header instead of the computer's, and the admin is not asked again.
    await expect.poll(() => page.getByTestId('header-workstation').textContent()).toContain('汉阳区检查一组');
    expect(await page.getByTestId('workstation-name-dialog').isVisible().catch(() => false)).toBe(false);

    await page.goto(`${fresh.app.origin}/#/settings?tab=user`);
    await page.getByTestId('users-table').waitFor();
    await addUser(page, { name: 'lijc', displayName: '李检查员', role: 'inspector', password: 'inspector-password-1' });
    await addUser(page, { name: 'wangzz', displayName: '王组长', role: 'leader', password: 'leader-password-1' });
    await screenshot(page, 'settings-users-zh');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('users-table').textContent()).toContain('Team leader');
    await screenshot(page, 'settings-users-en');
    // The English action buttons wrap inside their column: none is cut off or covers a user's state.
    const hidden = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="users-table"] .el-table__body .el-table__row')].flatMap((row) => {
        const cells = [...row.querySelectorAll('td')];
        // Within its own cell, and within what the table shows (a wider row scrolls out of sight).
        const shown = document.querySelector('[data-testid="users-table"]')?.getBoundingClientRect();
        const visible = (element: Element, cell: Element | undefined): boolean => {
          const box = element.getBoundingClientRect();
          const within = cell?.getBoundingClientRect();
          return within !== undefined && shown !== undefined && box.left >= within.left - 1 && box.right <= Math.min(within.right, shown.right) + 1;
        };
        const state = cells[3]?.querySelector('.el-tag');
        const buttons = [...(cells[4]?.querySelectorAll('button') ?? [])];
        return [...(state && !visible(state, cells[3]) ? ['state'] : []), ...buttons.filter((button) => !visible(button, cells[4])).map((button) => button.textContent ?? '')];
      }),
    );
    expect(hidden).toEqual([]);
    await page.getByTestId('language-switch').getByText('中文').click();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-form').waitFor();
  });

  it('lets the inspector submit but not sign, refuses a hand-made sign call with 403, and lets the leader sign', async () => {
    const page = await newAppPage(fresh.browser);
    await page.goto(fresh.app.url);
    await login(page, 'lijc', 'wrong-password');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await screenshot(page, 'login-refused-zh');
    await login(page, 'lijc', 'inspector-password-1');
    await expect.poll(() => page.getByTestId('header-user-name').textContent()).toBe('李检查员');

    const id = await startAssessmentOfFirstUnit(page, fresh.app.origin);
    await answerEverything(page, id);
    await page.reload();
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    await page.getByTestId('submit-button').click();
    await page.locator('.dx-submit-confirm').getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('submitted');
    expect(await page.getByTestId('sign-button').count()).toBe(0);

    const refused = await page.evaluate(async (assessmentId) => {
      const response = await fetch('/api/assessments.sign', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem('dingxing.token')}`, 'X-Dingxing-Session': sessionStorage.getItem('dingxing.session') ?? '' },
        body: JSON.stringify({ id: assessmentId }),
      });
      return { status: response.status, body: await response.json() };
    }, id);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('leader');
    await page.getByTestId('logout').click();

    await login(page, 'wangzz', 'leader-password-1');
    // Each login starts at its own home, not on the page the inspector left open; the leader then follows a link to the assessment.
    await expect.poll(() => page.getByTestId('header-user-name').textContent()).toBe('王组长');
    await page.waitForURL(/#\/$/);
    await page.goto(`${fresh.app.origin}/#/assessments/${id}`);
    await page.getByTestId('sign-button').click();
    const confirm = page.locator('.el-message-box__btns .el-button--primary');
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await page.getByTestId('signed-by').waitFor();
    const signedBy = await page.getByTestId('signed-by').textContent();
    expect(signedBy).toContain('李检查员');
    expect(signedBy).toContain('王组长');
    await screenshot(page, 'signed-by-both-zh');
  });

  it('keeps two tabs as two people', async () => {
    const admin = await newAppPage(fresh.browser);
    const inspector = await newAppPage(fresh.browser);
    await admin.goto(fresh.app.url);
    await login(admin, 'admin', 'admin-password-1');
    await inspector.goto(fresh.app.url);
    await login(inspector, 'lijc', 'inspector-password-1');
    await expect.poll(() => admin.getByTestId('header-user-name').textContent()).toBe('系统管理员');
    await expect.poll(() => inspector.getByTestId('header-user-name').textContent()).toBe('李检查员');
    await admin.reload();
    await expect.poll(() => admin.getByTestId('header-user-name').textContent()).toBe('系统管理员');
  });
});

describe('the idle lock', () => {
  it('locks after the idle time, keeps the open form and its answers, and unlocks with the password', async () => {
    const page = await newAppPage(idle.browser);
    await openLoggedIn(page, idle.app);
    await startAssessmentOfFirstUnit(page, idle.app.origin);
    await page.getByTestId('item-RES-1').locator('.el-radio-button').filter({ hasText: '是' }).click();
    await page.getByTestId('lock-overlay').waitFor({ timeout: 15_000 });
    await screenshot(page, 'idle-locked-zh');
    expect(await page.getByTestId('item-RES-1').locator('.el-radio-button.is-active').textContent()).toContain('是');

    await fillInput(page, 'lock-password', 'not-it');
    await page.getByTestId('lock-submit').click();
    await expect.poll(() => page.getByTestId('lock-error').textContent()).toContain('用户名或密码错误');
    await fillInput(page, 'lock-password', 'leader-password-1');
    await page.getByTestId('lock-submit').click();
    await page.getByTestId('lock-overlay').waitFor({ state: 'detached' });
    expect(await page.getByTestId('item-RES-1').locator('.el-radio-button.is-active').textContent()).toContain('是');
    await page.getByTestId('item-RES-2').locator('.el-radio-button').filter({ hasText: '是' }).click();
    await expect.poll(() => page.getByTestId('live-total').textContent()).toBe('7');
  });
});
