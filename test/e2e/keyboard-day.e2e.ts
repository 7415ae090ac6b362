// An inspector's and a team leader's day without a mouse: only page.keyboard, never a click. The inspector logs in,
// opens 评定 from the navigation, starts an assessment, answers every item, adds evidence from its button and with
// Alt+E, and submits; the leader (in English) opens it from 待签发, signs it — the confirmation opens on Cancel — and
// issues the plaque; the city office opens a district, and its units, from the charts' tables. After every page
// change and every submit the focus is on the page's heading; the score and the saves are said in a live region.
// Screenshots of the Tab order go to test-results/screenshots.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, vi } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { databaseWithSampleUnits, useAppInBrowser } from './support/app-in-browser';
import { dingxing } from './support/dingxing';
import { kindOf } from './support/form-items';
import { focusOrderScreenshot, focused, headingFocused, tabTo, tabUntil } from './support/keyboard';
import { writePng } from './support/png';
import { e2eUsers } from './support/serve';

const passphrase = 'e2e keyboard passphrase';
const unitName = '汉阳区四新社区';
let photo = '';
let formUrl = '';

// Four users, the sample units and the server take their time on a busy machine.
vi.setConfig({ hookTimeout: 180_000 });
const session = useAppInBrowser(async () => {
  const dbFile = await databaseWithSampleUnits('dingxing-e2e-keyboard-day-');
  photo = path.join(path.dirname(dbFile), 'photo.png');
  writePng(photo);
  // The workstation's keys, made on purpose: the leader issues a plaque at the end of the day.
  await dingxing(['identity', 'create', '--db', dbFile], { env: { DINGXING_KEY_PASSPHRASE: passphrase } });
  return { dbFile, env: { DINGXING_KEY_PASSPHRASE: passphrase } };
});

/** The login screen puts the focus in the name field: type, Tab, type, Enter. */
async function logIn(page: Page, who: 'inspector' | 'leader' | 'city'): Promise<void> {
  await page.getByTestId('login-name').waitFor();
  expect((await focused(page)).testId).toBe('login-name');
  await page.keyboard.type(e2eUsers[who].name);
  await page.keyboard.press('Tab');
  await page.keyboard.type(e2eUsers[who].password);
  await page.keyboard.press('Enter');
  await page.getByTestId('header-user').waitFor();
}

/** The item whose answer control has the focus. */
function answering(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active?.closest('.control')) return '';
    return active.closest('[data-testid^="item-"]')?.getAttribute('data-testid')?.slice('item-'.length) ?? '';
  });
}

async function tabToItem(page: Page, itemId: string): Promise<void> {
  for (let presses = 0; presses < 12; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await answering(page)) === itemId) return;
  }
  throw new Error(`Tab never reached the answer of ${itemId}; the focus is on ${JSON.stringify(await focused(page))}`);
}

/** Y on checks, N on vetoes, full marks on scales, 100% on rates, no incidents, and a survey of 200 answered option by option. */
async function answer(page: Page, itemId: string): Promise<void> {
  const kind = await kindOf(page, itemId);
  if (kind === 'check') await page.keyboard.press('y');
  else if (kind === 'veto') await page.keyboard.press('n');
  else if (kind === 'percent') await page.keyboard.type('100');
  else if (kind === 'count') await page.keyboard.type('0');
  else if (kind === 'scale') {
    const points = (await page.getByTestId(`points-${itemId}`).textContent()) ?? '';
    await page.keyboard.type(/\/\s*([\d.]+)/.exec(points)?.[1] ?? '0');
  } else {
    const counts = { safe: '180', fairlySafe: '15', notVerySafe: '0', unsafe: '5' } as const;
    for (const [index, [option, count]] of Object.entries(counts).entries()) {
      if (index > 0) await tabUntil(page, (focus) => focus.testId === `survey-${itemId}-${option}` && focus.tag === 'input', { max: 4, what: `the ${option} count of ${itemId}` });
      await page.keyboard.press('Control+a');
      await page.keyboard.type(count);
    }
  }
}

describe('a day without a mouse', () => {
  it('an inspector starts, fills, adds evidence to and submits an assessment with the keyboard alone', { timeout: 240_000 }, async () => {
    const page = await newAppPage(session.browser);
    // The browser hands file choosers to the test only once asked to, which takes a round trip: ask before the first.
    page.on('filechooser', () => undefined);
    await page.goto(session.app.url);
    await logIn(page, 'inspector');
    expect(await headingFocused(page)).toBe('欢迎使用鼎星评定工作站');
    await focusOrderScreenshot(page, 'keyboard-day-home-focus-order-zh', 9);

    // The navigation: links, the current one marked; back from the page to 评定 and Enter.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'nav-/assessments', { backwards: true });
    await screenshot(page, 'keyboard-day-nav-focused-zh');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('评定');
    expect(await page.getByTestId('nav-/assessments').getAttribute('aria-current')).toBe('page');

    // 开始评定: the dialog, the unit picked by typing its name and the arrow keys, and Enter on 开始评定.
    await tabTo(page, 'start-assessment');
    await page.keyboard.press('Enter');
    await tabTo(page, 'start-unit', { max: 4 });
    await page.keyboard.type(unitName);
    await page.locator('.el-select-dropdown__item').filter({ hasText: unitName }).first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('start-unit').textContent()).toContain(unitName);
    await tabTo(page, 'start-confirm', { max: 8 });
    await screenshot(page, 'keyboard-day-start-dialog-zh');
    await page.keyboard.press('Enter');

    // The form: the focus on its heading, then item after item.
    expect(await headingFocused(page)).toContain(unitName);
    formUrl = page.url();
    const ids = await page.locator('[data-testid^="item-"]').evaluateAll((items) => items.map((item) => (item.getAttribute('data-testid') ?? '').slice('item-'.length)));
    expect(ids.length).toBeGreaterThan(20);
    await focusOrderScreenshot(page, 'keyboard-day-form-focus-order-zh', 8);
    const [first, second] = ids as [string, string];

    await page.keyboard.press('Shift+Tab');
    for (let presses = 0; presses < 12 && (await answering(page)) !== first; presses += 1) await page.keyboard.press('Shift+Tab');
    if ((await answering(page)) !== first) await tabToItem(page, first);
    await answer(page, first);

    // Evidence from the item's own button: Tab reaches it, it says Alt+E, Enter opens the file chooser.
    await tabTo(page, `evidence-add-${first}`, { max: 3 });
    expect((await focused(page)).name).toContain('Alt+E');
    await screenshot(page, 'keyboard-day-evidence-button-zh');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
    await chooser.setFiles(photo);
    await expect.poll(() => page.getByTestId(`item-${first}`).getByTestId('evidence-thumb').count()).toBe(1);

    await tabToItem(page, second);
    await answer(page, second);
    // …and with Alt+E from the answer.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Alt+e')]);
    await again.setFiles(photo);
    await expect.poll(() => page.getByTestId(`item-${second}`).getByTestId('evidence-thumb').count()).toBe(1);

    for (const itemId of ids.slice(2)) {
      await tabToItem(page, itemId);
      await answer(page, itemId);
    }
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    // What a screen reader hears as the score settles, and once a save has happened.
    await expect.poll(() => page.getByTestId('score-announcement').textContent()).toMatch(/^总分 [\d.]+，/);
    await expect.poll(() => page.getByTestId('save-announcement').textContent(), { timeout: 15_000 }).toMatch(/^已自动保存 \d\d:\d\d$/);

    await tabTo(page, 'submit-button');
    await screenshot(page, 'keyboard-day-submit-focused-zh');
    await page.keyboard.press('Enter');
    // 提交 says what it does first; Enter answers yes (a leader can still send it back).
    await page.locator('.dx-submit-confirm').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('submitted');
    expect(await headingFocused(page)).toContain(unitName);

    // Done for the day: 退出登录 is in the banner, behind the navigation.
    await tabTo(page, 'logout', { backwards: true, max: 20 });
    await page.keyboard.press('Enter');
    await page.getByTestId('login-name').waitFor();
    await page.context().close();
  });

  it('a team leader, in English, opens it from 待签发, signs it past a confirmation that starts on Cancel, and issues the plaque', { timeout: 180_000 }, async () => {
    expect(formUrl).not.toBe('');
    const page = await newAppPage(session.browser);
    await page.goto(session.app.url);
    await page.getByTestId('login-name').waitFor();
    // The language switch of the login screen, from the keyboard: Tab to 中文, then the arrow key to English.
    await tabTo(page, 'login-language', { max: 6 });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'login-name', { backwards: true, max: 6 });
    await logIn(page, 'leader');
    expect(await headingFocused(page)).toBe('Welcome to the Dingxing Assessment Workstation');

    // 待签发 on the home page is a link.
    await tabTo(page, 'home-awaiting');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Assessments');
    await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toMatch(/^Awaiting signature/);
    await tabUntil(page, (focus) => focus.testId === 'assessment-link' && focus.name.includes(unitName), { what: `the link to ${unitName}` });
    await screenshot(page, 'keyboard-day-awaiting-link-en');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain(unitName);
    expect(page.url()).toBe(formUrl);

    // The buttons come after every item: the form's skip link is the next Tab stop after the heading.
    await page.keyboard.press('Tab');
    expect((await focused(page)).testId).toBe('skip-to-panel');
    await screenshot(page, 'keyboard-day-skip-to-panel-en');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Result');
    await focusOrderScreenshot(page, 'keyboard-day-panel-focus-order-en', 3);

    // 签发: the confirmation opens with the focus on Cancel, so one Enter too many cannot sign.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'sign-button', { backwards: true, max: 4 }).catch(() => tabTo(page, 'sign-button', { max: 6 }));
    await page.keyboard.press('Enter');
    await page.locator('.dx-sign-confirm').waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Cancel');
    await screenshot(page, 'keyboard-day-sign-confirm-en');
    await page.keyboard.press('Enter');
    await page.locator('.dx-sign-confirm').waitFor({ state: 'hidden' });
    expect(await page.getByTestId('assessment-status').getAttribute('data-status')).toBe('submitted');

    // The focus is back where it was, on 签发 (once the box has faded out).
    await expect.poll(async () => (await focused(page)).testId).toBe('sign-button');
    await page.keyboard.press('Enter');
    await page.locator('.dx-sign-confirm').waitFor();
    await expect.poll(async () => (await focused(page)).name).toBe('Cancel');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Sign');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('signed');
    expect(await headingFocused(page)).toContain(unitName);

    // The plaque: the workstation's key is unlocked for this session (DINGXING_KEY_PASSPHRASE).
    await tabTo(page, 'skip-to-panel', { max: 3 });
    await page.keyboard.press('Enter');
    await tabTo(page, 'certificate-issue', { max: 12 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('certificate-number').textContent()).toMatch(/^WH-\d{4}-420105-\d{6}$/);
    await screenshot(page, 'keyboard-day-issued-en');
    await page.context().close();
  });

  it('the city office opens a district and its units from a chart’s table, with the keyboard alone', { timeout: 120_000 }, async () => {
    const page = await newAppPage(session.browser);
    await page.goto(session.app.url);
    await logIn(page, 'city');
    await headingFocused(page);
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'nav-/districts', { backwards: true });
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('区县与平安鼎');

    // The coverage chart as a table: each district's name is a link. A person waits for the page
    // to show before pressing Tab; so does the test (a loaded machine takes seconds to draw it).
    await page.getByTestId('ding-coverage-toggle').waitFor();
    await tabTo(page, 'ding-coverage-toggle');
    await page.keyboard.press('Enter');
    await page.getByTestId('ding-coverage-table').waitFor();
    await tabUntil(page, (focus) => focus.tag === 'a' && focus.name === '汉阳区', { what: 'the link to 汉阳区 in the coverage table' });
    await screenshot(page, 'keyboard-day-chart-table-zh');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('汉阳区');

    // Its stars by unit kind, as a table: a kind opens the units of that kind in the district.
    await tabTo(page, 'ding-stars-toggle', { max: 10 });
    await page.keyboard.press('Enter');
    await page.getByTestId('ding-stars-table').waitFor();
    await tabUntil(page, (focus) => focus.tag === 'a' && focus.name === '社区', { max: 10, what: 'the link to the communities' });
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('单位名册');
    await expect.poll(async () => (await page.getByTestId('units-total').textContent())?.trim()).toBe('共 1 个单位');
    expect(await page.getByTestId('units-table').textContent()).toContain(unitName);
    await page.context().close();
  });
});
