// The inspection plan end to end, in Chinese and English (issue 17): the city office enrolls a
// laptop for 汉阳区, plans three of its units (one assessed already, one overdue, one to do) and
// sends its city bundle; the laptop's home shows 我的计划 with each state and opens the unit;
// once the laptop's bundle is back, the city's 区县与平安鼎 shows the progress by district and
// by workstation. Everything before the browser is done with the dingxing command, as people would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing as runDingxing } from './support/dingxing';

const passphrase = 'e2e plan passphrase';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-plan-'));
const laptopDb = path.join(folder, 'laptop.sqlite');
const cityDb = path.join(folder, 'city.sqlite');
const at = (name: string) => path.join(folder, name);
const dingxing = (...args: string[]) => runDingxing(args, { env: { DINGXING_KEY_PASSPHRASE: passphrase } });

/** Full marks on every core item of the shipped pack. */
const perfectAnswers = () => ({
  'RES-1': true, 'RES-2': true, 'RES-3': 4, 'RES-4': true, 'ORG-1': true, 'ORG-2': 3, 'ORG-3': true, 'RUL-1': true, 'RUL-2': true, 'RUL-3': true, 'RUL-4': true,
  'PRE-1': 6, 'PRE-2': 6, 'PRE-3': 8, 'PRE-4': true, 'PRE-5': 0, 'ATR-1': true, 'ATR-2': true, 'ATR-3': true, 'ATR-4': true,
  'STB-1': 100, 'STB-2': true, 'STB-3': true, 'STB-4': 0, 'STB-5': 0, 'STB-6': 0, 'SAT-1': { respondents: 100, safe: 100 },
  'VETO-1': false, 'VETO-2': false, 'VETO-3': false, 'VETO-4': false, 'VETO-5': false, 'VETO-6': false,
});

const units = [
  ['名称', '类型', '区', '统一社会信用代码'],
  ['汉阳计划已评公司', '企业', '汉阳区', '91420105MA4KPLAN16'],
  ['汉阳计划逾期公司', '企业', '汉阳区', '91420105MA4KPLAN29'],
  ['汉阳计划待办公司', '企业', '汉阳区', '91420105MA4KPLAN3C'],
  ['江岸计划外公司', '企业', '江岸区', '91420102MA4KPLAN44'],
];

async function prepare(): Promise<void> {
  // Each workstation's keys, made on purpose (nothing else makes them).
  await dingxing('identity', 'create', '--db', cityDb);
  await dingxing('identity', 'create', '--db', laptopDb);
  fs.writeFileSync(at('units.csv'), `${units.map((row) => row.join(',')).join('\n')}\n`);
  await dingxing('units', 'import', at('units.csv'), '--db', cityDb);
  await dingxing('identity', 'export', '--out', at('laptop.id'), '--db', laptopDb);
  const laptop = JSON.parse(fs.readFileSync(at("laptop.id"), "utf8")) as { workstationId: string };
  await dingxing('trust', 'add', at('laptop.id'), '--districts', '420105', '--db', cityDb);
  fs.writeFileSync(
    at('plan.csv'),
    [
      '年度,统一社会信用代码,工作站,截止日期',
      `2026,91420105MA4KPLAN16,${laptop.workstationId},2026-11-30`,
      `2026,91420105MA4KPLAN29,${laptop.workstationId},2026-11-15`,
      `2026,91420105MA4KPLAN3C,${laptop.workstationId},2026-12-20`,
    ].join('\n'),
  );
  await dingxing('plan', 'import', at('plan.csv'), '--db', cityDb);
  await dingxing('identity', 'export', '--city', '--out', at('city.id'), '--db', cityDb);
  await dingxing('export', '--city', '--out', at('city-1.dxb'), '--db', cityDb);
  await dingxing('trust', 'add', at('city.id'), '--db', laptopDb);
  await dingxing('import', at('city-1.dxb'), '--db', laptopDb);
  // The laptop assessed the first planned unit (and one outside its plan); its bundle goes back.
  const assessment = (name: string, uscc: string, district: string) => ({
    format: 'dingxing.assessment/1', rubric: 'wuhan-star@2026.1', unit: { name, kind: 'enterprise', industry: null, district, uscc },
    cycle: 2026, assessedOn: '2026-11-20', previousStars: 0, lastVetoOn: null, answers: perfectAnswers(),
  });
  fs.writeFileSync(at('done.json'), JSON.stringify(assessment('汉阳计划已评公司', '91420105MA4KPLAN16', '420105')));
  await dingxing('assessments', 'import', at('done.json'), '--db', laptopDb);
  await dingxing('export', '--out', at('laptop-1.dxb'), '--db', laptopDb);
  await dingxing('import', at('laptop-1.dxb'), '--db', cityDb);
}

// About a dozen commands: longer than one hook may take on a loaded machine.
beforeAll(prepare, 300_000);
const laptop = useAppInBrowser(() => ({ dbFile: laptopDb, env: { DINGXING_KEY_PASSPHRASE: passphrase } }));
const city = useAppInBrowser(() => ({ dbFile: cityDb }));

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('the inspection plan in the app', () => {
  it('shows 我的计划 on the laptop’s home: to do, done, overdue, each opening the unit (and in English)', async () => {
    const page = await newAppPage(laptop.browser);
    await openLoggedIn(page, laptop.app);
    const card = page.getByTestId('my-plan');
    await card.waitFor();
    await expect.poll(() => card.getByTestId('my-plan-done').textContent()).toContain('已完成 1');
    expect(await card.getByTestId('my-plan-todo').textContent()).toContain('待办 1');
    expect(await card.getByTestId('my-plan-overdue').textContent()).toContain('逾期 1');
    const rows = await card.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/汉阳计划逾期公司.*2026-11-15.*逾期/);
    expect(rows[1]).toMatch(/汉阳计划待办公司.*2026-12-20.*待办/);
    expect(rows[2]).toMatch(/汉阳计划已评公司.*2026-11-30.*已完成.*2026-11-20/);
    await screenshot(page, 'home-my-plan-zh');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => card.textContent()).toContain('My plan');
    expect(await card.getByTestId('my-plan-overdue').textContent()).toContain('Overdue 1');
    expect(await card.locator('tbody tr').first().textContent()).toMatch(/Overdue/);
    await screenshot(page, 'home-my-plan-en');

    await card.getByTestId('my-plan-unit-汉阳计划逾期公司').click();
    await page.getByTestId('unit-name').waitFor();
    expect(await page.getByTestId('unit-name').textContent()).toBe('汉阳计划逾期公司');
  });

  it('shows the city the plan’s progress by district and by workstation on 区县与平安鼎 (and in English)', async () => {
    const page = await newAppPage(city.browser);
    await openLoggedIn(page, city.app, 'city');
    await page.getByTestId('nav-/districts').click();
    const progress = page.getByTestId('plan-progress');
    await progress.waitFor();
    await progress.scrollIntoViewIfNeeded();
    expect(await progress.getByTestId('plan-progress-total').textContent()).toMatch(/完成 1\/3.*逾期 1/);
    const district = progress.getByTestId('plan-progress-districts').locator('tbody tr');
    expect(await district.count()).toBe(1);
    expect(await district.first().textContent()).toMatch(/汉阳区.*1\/3.*1/);
    const stations = progress.getByTestId('plan-progress-workstations').locator('tbody tr');
    expect(await stations.first().textContent()).toMatch(/1\/3/);
    await screenshot(page, 'districts-plan-progress-zh');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => progress.textContent()).toContain('Inspection plan progress');
    expect(await district.first().textContent()).toMatch(/Hanyang District.*1\/3/);
    await progress.scrollIntoViewIfNeeded();
    await screenshot(page, 'districts-plan-progress-en');
  });
});
