// The assessment form as an inspector with a keyboard lives it (UX: keyboard first; never lose work; the score is
// never a mystery): Y/N on checks, digits on scales, Tab to move on, Ctrl+S to save and Ctrl+Enter to submit; a reload
// or a closed tab right after the last keystroke loses nothing; a veto drops the stars and says why.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { databaseWithSampleUnits, useAppInBrowser, openLoggedIn } from './support/app-in-browser';
import { kindOf } from './support/form-items';
import { testNow } from '../setup/test-clock';

/** The pinned test day's year (test/setup/test-clock.ts), never the machine's. */
const thisYear = Number(testNow.slice(0, 4));


const session = useAppInBrowser(async () => ({ dbFile: await databaseWithSampleUnits('dingxing-e2e-keyboard-') }));

/** Opens the app from the address `dingxing serve` printed, as a person does; the router must be up before the hash changes. */
async function openApp(page: Page): Promise<void> {
  await openLoggedIn(page, session.app);
  await page.getByTestId('home-title').waitFor();
}

/**
 * Starts an assessment of the named unit and returns the form's address: from the unit's page for this year's cycle,
 * or through 评定 → 开始评定 for another cycle.
 */
async function startAssessment(page: Page, unitName: string, cycle?: number): Promise<string> {
  await openApp(page);
  if (cycle === undefined) {
    await page.goto(`${session.app.origin}/#/units`);
    await page.locator('[data-testid="units-table"] .unit-link').filter({ hasText: unitName }).click();
    await page.getByTestId('unit-assessments').waitFor();
    await page.getByTestId('unit-start-assessment').click();
  } else {
    await page.goto(`${session.app.origin}/#/assessments`);
    await page.getByTestId('start-assessment').click();
    await page.getByTestId('start-unit').click();
    await page.keyboard.type(unitName.slice(0, 4));
    await page.locator('.el-select-dropdown__item').filter({ hasText: unitName }).click();
    await page.getByTestId('start-cycle').locator('input').fill(String(cycle));
    await page.getByTestId('start-cycle').locator('input').press('Tab');
    await page.getByTestId('start-confirm').click();
  }
  await page.getByTestId('assessment-form').waitFor();
  if (cycle !== undefined) await page.locator('h1').filter({ hasText: `${cycle} 年度评定` }).waitFor();
  await page.locator('[data-testid^="item-"]').first().waitFor();
  await expect.poll(() => liveTotal(page)).toBe('0');
  return page.url();
}

async function liveTotal(page: Page): Promise<string> {
  return (await page.getByTestId('live-total').textContent())?.trim() ?? '';
}

async function itemIds(page: Page): Promise<string[]> {
  const testIds = await page.locator('[data-testid^="item-"]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid') ?? ''));
  return testIds.map((testId) => testId.slice('item-'.length));
}

/** The item whose answer control (not its evidence button) has the keyboard focus, or '' . */
async function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active?.closest('.control')) return '';
    return active.closest('[data-testid^="item-"]')?.getAttribute('data-testid')?.slice('item-'.length) ?? '';
  });
}

/** Presses Tab until the answer control of `itemId` has the focus; returns how many presses that took. */
async function tabTo(page: Page, itemId: string): Promise<number> {
  for (let presses = 1; presses <= 8; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedControl(page)) === itemId) return presses;
  }
  throw new Error(`Tab never reached ${itemId}; the focus is in "${await focusedControl(page)}"`);
}

/** An item's maximum points as its points column shows it ("— / 4"), or 0 for items without one. */
async function maxPoints(page: Page, itemId: string): Promise<number> {
  const text = (await page.getByTestId(`points-${itemId}`).textContent()) ?? '';
  const match = /\/\s*([\d.]+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

/** What the form shows as an item's answer: 是/否 for checks and vetoes, the typed number otherwise, '' when none. */
async function shownAnswer(page: Page, itemId: string): Promise<string> {
  const item = page.getByTestId(`item-${itemId}`);
  if ((await item.locator('.el-radio-group').count()) > 0) {
    const active = await item.locator('.el-radio-button.is-active').allTextContents();
    return active.map((text) => text.replace(/\s*\([YN]\)\s*$/, '').trim()).join(',');
  }
  return item.locator('.el-input-number input').first().inputValue();
}

/**
 * Answers the focused item with keys only: Y on checks, N on vetoes, full marks typed on scales, 100 on rates, 0 on
 * counts of incidents, and a survey of 180 / 15 / 0 / 5 typed option by option.
 */
async function answerByKeys(page: Page, itemId: string): Promise<void> {
  const kind = await kindOf(page, itemId);
  if (kind === 'check') await page.keyboard.press('y');
  else if (kind === 'veto') await page.keyboard.press('n');
  else if (kind === 'percent') await page.keyboard.type('100');
  else if (kind === 'count') await page.keyboard.type('0');
  else if (kind === 'scale') await page.keyboard.type(String(await maxPoints(page, itemId)));
  else {
    for (const [index, count] of ['180', '15', '0', '5'].entries()) {
      if (index > 0) {
        const option = ['safe', 'fairlySafe', 'notVerySafe', 'unsafe'][index] as string;
        for (let presses = 0; presses < 4; presses += 1) {
          await page.keyboard.press('Tab');
          const here = await page.evaluate(() => document.activeElement?.closest('[data-testid^="survey-"]')?.getAttribute('data-testid') ?? '');
          if (here === `survey-${itemId}-${option}` && (await page.evaluate(() => document.activeElement?.tagName)) === 'INPUT') break;
        }
      }
      await page.keyboard.press('Control+a');
      await page.keyboard.type(count);
    }
  }
}

/** Fills the whole form from the keyboard, starting with the focus on the first item's control. */
async function fillByKeys(page: Page, ids: string[]): Promise<void> {
  for (const [index, itemId] of ids.entries()) {
    if (index > 0) await tabTo(page, itemId);
    await answerByKeys(page, itemId);
  }
}

/**
 * What a person sees at 1366×768 (the shared full-page screenshot paints only the top of this layout): for moments
 * below the fold, after scrolling there.
 */
/** Puts the focus on an item's control, as a click into the item would. */
async function focusItem(page: Page, itemId: string): Promise<void> {
  await page.getByTestId(`item-${itemId}`).locator('.control input').first().focus();
  expect(await focusedControl(page)).toBe(itemId);
}

describe('assessment form from the keyboard', () => {
  it('answers items with Y/N, digits and Tab; the total and stars follow; Ctrl+S saves', async () => {
    const page = await newAppPage(session.browser);
    await startAssessment(page, '东湖高新区光谷银行支行');
    const ids = await itemIds(page);
    expect(ids.length).toBeGreaterThan(20);
    expect(await page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('0');

    // The first six items one by one, each key moving the total by what the item's points column says.
    const [first, second, third, fourth, fifth, sixth] = ids as [string, string, string, string, string, string];
    expect([await kindOf(page, first), await kindOf(page, second), await kindOf(page, third)]).toEqual(['check', 'check', 'scale']);
    await focusItem(page, first);
    let expected = 0;

    await page.keyboard.press('y');
    expected += await maxPoints(page, first);
    await expect.poll(() => shownAnswer(page, first)).toBe('是');
    await expect.poll(() => liveTotal(page)).toBe(String(expected));
    await expect.poll(() => page.getByTestId(`points-${first}`).textContent()).toMatch(new RegExp(`^${expected}\\s*/`));

    // Tab moves on: past the item's evidence button, straight to the next item's answer.
    expect(await tabTo(page, second)).toBeLessThanOrEqual(2);
    await page.keyboard.press('n');
    await expect.poll(() => shownAnswer(page, second)).toBe('否');
    await expect.poll(() => page.getByTestId(`points-${second}`).textContent()).toMatch(/^0\s*\//);
    expect(await liveTotal(page)).toBe(String(expected));

    expect(await tabTo(page, third)).toBeLessThanOrEqual(2);
    const thirdMax = await maxPoints(page, third);
    await page.keyboard.type(String(thirdMax - 1));
    expected += thirdMax - 1;
    await expect.poll(() => liveTotal(page)).toBe(String(expected));
    expect(await shownAnswer(page, third)).toBe(String(thirdMax - 1));

    // N was a mistake: back with Shift+Tab and Y; the digit 1 answers a check as well.
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(String(thirdMax - 1));
    for (let presses = 0; presses < 8 && (await focusedControl(page)) !== second; presses += 1) await page.keyboard.press('Shift+Tab');
    expect(await focusedControl(page)).toBe(second);
    await page.keyboard.press('y');
    expected += await maxPoints(page, second);
    await expect.poll(() => liveTotal(page)).toBe(String(expected));
    await tabTo(page, third);
    expect(await tabTo(page, fourth)).toBeLessThanOrEqual(2);
    if ((await kindOf(page, fourth)) === 'check') {
      await page.keyboard.press('1');
      expected += await maxPoints(page, fourth);
      await expect.poll(() => shownAnswer(page, fourth)).toBe('是');
    } else {
      await answerByKeys(page, fourth);
      expected = Number(await liveTotal(page));
    }
    await expect.poll(() => liveTotal(page)).toBe(String(expected));
    const missingBefore = Number(await page.getByTestId('missing-count').getAttribute('data-count'));
    expect(missingBefore).toBe(ids.length - 4);
    await screenshot(page, 'keyboard-first-items');

    // The rest of the form, keys only; the stars come as the total passes the first star's threshold.
    await tabTo(page, fifth);
    await fillByKeys(page, ids.slice(ids.indexOf(fifth)));
    expect(ids.indexOf(sixth)).toBe(5);
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    await expect.poll(async () => Number(await liveTotal(page))).toBeGreaterThan(60);
    await expect.poll(() => page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('1');
    expect(Number(await page.getByTestId('live-stars').getAttribute('data-score'))).toBeGreaterThanOrEqual(1);

    // Ctrl+S saves at once, says so, and the panel shows the time.
    await page.keyboard.press('Control+s');
    await page.locator('.el-message--success').filter({ hasText: /已自动保存 \d\d:\d\d/ }).waitFor();
    await expect.poll(() => page.getByTestId('autosave-status').getAttribute('data-state')).toBe('saved');
    expect((await page.getByTestId('autosave-status').textContent())?.trim()).toMatch(/^已自动保存 \d\d:\d\d$/);
    await screenshot(page, 'keyboard-filled-saved');
    await page.context().close();
  });

  it('loses nothing when the page is reloaded right after the last keystroke', async () => {
    const page = await newAppPage(session.browser);
    const formUrl = await startAssessment(page, '武昌区中南医院保卫处');
    const ids = await itemIds(page);
    const answered = ids.slice(0, 5);
    await focusItem(page, ids[0] as string);
    await fillByKeys(page, answered);
    const shown = await Promise.all(answered.map((id) => shownAnswer(page, id)));
    expect(shown.every((answer) => answer !== '')).toBe(true);
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 5));
    const total = await liveTotal(page);

    await page.reload();
    await page.getByTestId(`item-${ids[0]}`).waitFor();
    expect(page.url()).toBe(formUrl);
    for (const [index, id] of answered.entries()) await expect.poll(() => shownAnswer(page, id)).toBe(shown[index]);
    await expect.poll(() => liveTotal(page)).toBe(total);
    expect(await page.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 5));
    // What came back from the browser's copy reaches the database too.
    await expect.poll(() => page.getByTestId('autosave-status').textContent(), { timeout: 10_000 }).toMatch(/已自动保存 \d\d:\d\d/);
    await screenshot(page, 'keyboard-after-reload');

    await page.context().close();
  });

  it('loses nothing typed while a save was on its way, when the page is reloaded just after that save', async () => {
    const page = await newAppPage(session.browser);
    const formUrl = await startAssessment(page, '新洲区徐古镇三合村');
    const assessmentId = formUrl.split('/').pop() ?? '';
    const ids = await itemIds(page);
    const checks: string[] = [];
    for (const id of ids) if ((await kindOf(page, id)) === 'check') checks.push(id);
    const [first, second] = checks as [string, string];

    // A slow disk: the save sent as the focus leaves the first item waits while the person answers the next one;
    // later saves do not get through.
    const held: Route[] = [];
    await page.route('**/api/assessments.saveDraft', (route) => {
      held.push(route);
    });
    await focusItem(page, first);
    await page.keyboard.press('y');
    await tabTo(page, ids[ids.indexOf(first) + 1] as string);
    await expect.poll(() => held.length).toBe(1);
    if (ids.indexOf(second) > ids.indexOf(first) + 1) await tabTo(page, second);
    await page.keyboard.press('y');
    await expect.poll(() => shownAnswer(page, second)).toBe('是');
    const [slowSave, ...later] = held as [Route, ...Route[]];
    for (const route of later) await route.abort();
    await slowSave.continue();
    await expect.poll(() => page.getByTestId('autosave-status').getAttribute('data-state')).toMatch(/saved|failed/);
    // The save that came back did not hold the second answer: the browser's copy (the net for a reload or a crash
    // before the next save, local-backup.ts) must still hold it.
    const copy = await page.evaluate((key) => localStorage.getItem(key), `dingxing.draft.${assessmentId}`);
    expect(JSON.parse(copy ?? '{}')).toMatchObject({ answers: { [first]: true, [second]: true } });
    await page.unroute('**/api/assessments.saveDraft');

    await page.reload();
    await page.getByTestId(`item-${first}`).waitFor();
    await expect.poll(() => shownAnswer(page, first)).toBe('是');
    await expect.poll(() => shownAnswer(page, second)).toBe('是');
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 2));
    await page.context().close();
  });

  it('loses nothing when the tab is closed and the same address opened again', async () => {
    const page = await newAppPage(session.browser);
    const formUrl = await startAssessment(page, '汉阳区四新社区');
    const ids = await itemIds(page);
    const answered = ids.slice(0, 4);
    await focusItem(page, ids[0] as string);
    await fillByKeys(page, answered);
    const shown = await Promise.all(answered.map((id) => shownAnswer(page, id)));
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 4));
    const context = page.context();
    await page.close();

    const again = await context.newPage();
    await openApp(again);
    await expect.poll(() => again.getByTestId('drafts-list').textContent()).toContain('汉阳区四新社区');
    await again.goto(formUrl);
    await again.getByTestId(`item-${ids[0]}`).waitFor();
    for (const [index, id] of answered.entries()) await expect.poll(() => shownAnswer(again, id)).toBe(shown[index]);
    await expect.poll(() => again.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 4));
    await screenshot(again, 'keyboard-reopened');
    await context.close();
  });

  it('a veto answered 是 drops the awarded stars to 0, says 一票否决, and the trace names the item', async () => {
    const page = await newAppPage(session.browser);
    await startAssessment(page, '武汉顺丰速运有限公司江岸分部');
    const ids = await itemIds(page);
    await focusItem(page, ids[0] as string);
    await fillByKeys(page, ids);
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    await expect.poll(() => page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('1');
    const total = await liveTotal(page);
    const reasonBefore = page.getByTestId('stars-reason');
    if ((await reasonBefore.count()) > 0) expect(await reasonBefore.textContent()).not.toContain('一票否决');

    const veto = ids.find((id) => id.startsWith('VETO-')) as string;
    expect(await kindOf(page, veto)).toBe('veto');
    await focusItem(page, veto);
    await page.keyboard.press('y');
    await expect.poll(() => page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('0');
    await expect.poll(() => page.getByTestId('stars-reason').textContent()).toContain('一票否决');
    expect(await page.getByTestId(`item-${veto}`).getAttribute('class')).toContain('veto');
    expect(await liveTotal(page)).toBe(total);
    await screenshot(page, 'keyboard-veto');
    await page.getByTestId(`item-${veto}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'keyboard-veto-item');

    await page.getByTestId('trace-button').click();
    const trace = page.getByTestId('trace-table');
    await trace.waitFor();
    const vetoRows = trace.locator('.el-table__row').filter({ hasText: veto });
    await expect.poll(() => vetoRows.count()).toBeGreaterThan(0);
    expect((await vetoRows.first().textContent()) ?? '').toMatch(/否决/);
    await vetoRows.first().scrollIntoViewIfNeeded();
    // The dialog fades in: look once it has.
    await expect.poll(() => page.locator('.el-overlay').last().evaluate((overlay) => overlay.getAnimations({ subtree: true }).length)).toBe(0);
    await screenshot(page, 'keyboard-veto-trace');
    await page.keyboard.press('Escape');
    await trace.waitFor({ state: 'hidden' });

    // Taking it back with N gives the star back.
    await focusItem(page, veto);
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('live-stars').getAttribute('data-awarded')).toBe('1');
    await expect.poll(async () => ((await page.getByTestId('stars-reason').count()) > 0 ? await page.getByTestId('stars-reason').textContent() : '')).not.toContain('一票否决');
    await page.context().close();
  });

  it('Ctrl+Enter refuses an incomplete form and shows what is missing, then submits the completed one', async () => {
    const page = await newAppPage(session.browser);
    // Last year's assessment of the bank, entered late.
    await startAssessment(page, '东湖高新区光谷银行支行', thisYear - 1);
    const ids = await itemIds(page);
    await focusItem(page, ids[0] as string);
    await fillByKeys(page, ids.slice(0, 5));
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe(String(ids.length - 5));

    await focusItem(page, ids[0] as string);
    await page.keyboard.press('Control+Enter');
    const refusal = page.locator('.el-message--error').filter({ hasText: '还有未填写的项目' });
    await refusal.waitFor();
    const missingIds = ids.slice(5);
    expect(await refusal.textContent()).toContain(missingIds[0]);
    expect(await page.getByTestId('assessment-status').getAttribute('data-status')).toBe('draft');
    expect(await page.getByTestId('missing-count').textContent()).toContain(`还有 ${missingIds.length} 项未填`);
    expect(await page.getByTestId('missing-count').textContent()).toContain(missingIds[0]);
    await expect.poll(() => refusal.evaluate((message) => message.getAnimations({ subtree: true }).length)).toBe(0);
    await screenshot(page, 'keyboard-submit-refused');

    await focusItem(page, missingIds[0] as string);
    await fillByKeys(page, missingIds);
    await expect.poll(() => page.getByTestId('missing-count').getAttribute('data-count')).toBe('0');
    await page.keyboard.press('Control+Enter');
    // A complete draft is asked about first; Enter answers yes without leaving the keyboard.
    await page.locator('.dx-submit-confirm').waitFor();
    await screenshot(page, 'keyboard-submit-confirm');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('assessment-status').getAttribute('data-status')).toBe('submitted');
    expect((await page.getByTestId('assessment-status').textContent())?.trim()).toBe('待签发');
    await expect.poll(() => page.getByTestId(`answer-${ids[0]}`).textContent()).not.toBe('—');
    await screenshot(page, 'keyboard-submitted');
    await page.context().close();
  });
  it('a bad number is stopped at its field with the reason, and every other answer is still saved and scored', async () => {
    const page = await newAppPage(session.browser);
    const refusedCalls: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400) refusedCalls.push(`${response.status()} ${response.url()}`);
    });
    const formUrl = await startAssessment(page, '汉阳区四新社区', thisYear - 2);
    const ids = await itemIds(page);
    const scale = ids.find((id) => id === 'RES-3') as string;
    const count = ids.find((id) => id === 'PRE-5') as string;
    const veto = ids.find((id) => id.startsWith('VETO-')) as string;

    await focusItem(page, scale);
    await page.keyboard.type('3.3');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId(`reason-${scale}`).textContent()).toBe('3.3 不是 0.5 的整数倍，已记为 3.5');
    expect(await shownAnswer(page, scale)).toBe('3.5');
    await focusItem(page, count);
    await page.keyboard.type('2000000');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.getByTestId(`reason-${count}`).textContent()).toContain('超过上限 1,000,000');
    await page.getByTestId(`item-${count}`).scrollIntoViewIfNeeded();
    await screenshot(page, 'field-reason');

    // Later answers still count: a check, and a veto that takes the stars away.
    await focusItem(page, 'RES-1');
    await page.keyboard.press('y');
    await focusItem(page, veto);
    await page.keyboard.press('y');
    await expect.poll(() => page.getByTestId('stars-reason').textContent()).toContain('一票否决');
    await expect.poll(() => page.getByTestId('autosave-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved');

    // Another browser opens the draft: everything is there and scored.
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    const other = await context.newPage();
    await openApp(other);
    await other.goto(formUrl);
    await other.getByTestId('item-RES-1').waitFor();
    await expect.poll(() => shownAnswer(other, 'RES-1')).toBe('是');
    expect(await shownAnswer(other, scale)).toBe('3.5');
    expect(await shownAnswer(other, veto)).toBe('是');
    await expect.poll(() => liveTotal(other)).not.toBe('—');
    expect(await other.getByTestId('stars-reason').textContent()).toContain('一票否决');
    expect(refusedCalls).toEqual([]);
    await context.close();
    await page.context().close();
  });
});
