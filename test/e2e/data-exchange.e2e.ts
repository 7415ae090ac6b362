// 数据交换 end to end: a team leader exports a bundle from a laptop's app, the city office enrolls the
// laptop after comparing its fingerprint, imports the bundle through the page, sees a refused file
// explained, and resolves a conflict side by side — in Chinese and English.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing as runDingxing } from './support/dingxing';
import { serveApp } from './support/serve';
import type { ServedApp } from './support/serve';

const passphrase = 'e2e exchange passphrase';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-exchange-'));
const laptopDb = path.join(folder, 'laptop.sqlite');
const cityDb = path.join(folder, 'city.sqlite');
const city = { name: 'shizhb', password: 'city-password-1' };
const env = { DINGXING_KEY_PASSPHRASE: passphrase };
const dingxing = (...args: string[]) => runDingxing(args, { env });

const laptop = useAppInBrowser(async () => {
  await dingxing('identity', 'create', '--db', laptopDb);
  await dingxing('demo', '--units', '1', '--db', laptopDb);
  return { dbFile: laptopDb, env: { DINGXING_KEY_PASSPHRASE: passphrase } };
});
let cityApp: ServedApp;

afterAll(async () => {
  await cityApp?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

async function loginCity(page: Page): Promise<void> {
  await page.goto(cityApp.url);
  await page.getByTestId('login-name').fill(city.name);
  await page.getByTestId('login-password').fill(city.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.getByTestId('nav-/exchange').click();
  await page.getByTestId('exchange-view').waitFor();
}

async function importThroughPage(page: Page, file: string): Promise<void> {
  await page.getByRole('tab', { name: /导入|Import/ }).click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-report').first().getByText(path.basename(file)).waitFor();
}

function setAddress(dbFile: string, address: string): void {
  const db = new Database(dbFile);
  db.prepare('UPDATE units SET address = ?').run(address);
  db.close();
}

describe('数据交换', () => {
  it('exports on a laptop, enrolls and imports at the city office, explains a refusal and resolves a conflict', async () => {
    // The laptop: a team leader exports a bundle from the page.
    const page = await newAppPage(laptop.browser);
    await openLoggedIn(page, laptop.app);
    await page.getByTestId('nav-/exchange').click();
    await page.getByTestId('export-panel').waitFor();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-run').click();
    const first = path.join(folder, 'first.dxb');
    await (await download).saveAs(first);
    await page.getByTestId('export-history').getByText(/单位 1/).waitFor();
    await page.getByTestId('identity-fingerprint').waitFor();
    await screenshot(page, 'exchange-export-zh');
    const fingerprint = (await page.getByTestId('identity-fingerprint').textContent())?.trim();
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('export-history').getByText(/Units 1/).waitFor();
    await screenshot(page, 'exchange-export-en');

    // The city office: enroll the laptop after comparing the fingerprint, then import.
    await dingxing('identity', 'export', '--out', path.join(folder, 'laptop.id'), '--db', laptopDb);
    await runDingxing(['init', '--admin', 'admin', '--db', cityDb], { env: { ...env, DINGXING_PASSWORD: 'admin-password-1' } });
    await runDingxing(['users', 'add', city.name, '--role', 'city', '--display-name', '市指挥部', '--db', cityDb], { env: { ...env, DINGXING_PASSWORD: city.password } });
    cityApp = await serveApp({ dbFile: cityDb, users: false });
    const office = await newAppPage(laptop.browser);
    await loginCity(office);
    await office.getByRole('tab', { name: '信任库' }).click();
    await office.getByTestId('trust-file').setInputFiles(path.join(folder, 'laptop.id'));
    expect((await office.getByTestId('trust-confirm-fingerprint').textContent())?.trim()).toBe(fingerprint);
    await office.waitForTimeout(500); // the dialog's opening animation
    await screenshot(office, 'exchange-trust-confirm-zh');
    await office.getByTestId('trust-confirm').click();
    await office.getByTestId('trust-list').getByText(fingerprint!).waitFor();
    await screenshot(office, 'exchange-trust-zh');

    await importThroughPage(office, first);
    expect(await office.getByTestId('import-status').first().textContent()).toContain('已导入');
    expect(await office.getByTestId('report-added').first().textContent()).toContain('单位 1');
    expect(await office.getByTestId('report-added').first().textContent()).toContain('评定');
    await screenshot(office, 'exchange-import-zh');

    // A damaged file: refused, with the entry and the reason, nothing written.
    const damaged = path.join(folder, 'damaged.dxb');
    fs.writeFileSync(damaged, fs.readFileSync(first).subarray(0, 300));
    await importThroughPage(office, damaged);
    expect(await office.getByTestId('import-status').first().textContent()).toContain('已拒收');
    expect(await office.getByTestId('report-refusal').first().textContent()).toContain('无法读取数据包');
    await screenshot(office, 'exchange-refused-zh');

    // Both sides correct the unit's address differently; the laptop's next bundle brings a conflict.
    setAddress(laptopDb, '汉阳区 笔记本上改的地址 1 号');
    setAddress(cityDb, '汉阳区 市里改的地址 2 号');
    const second = path.join(folder, 'second.dxb');
    await dingxing('export', '--out', second, '--db', laptopDb);
    await importThroughPage(office, second);
    expect(await office.getByTestId('report-conflicts').first().textContent()).toBe('1');
    // Not a plain success: the status and the report say a person is needed, and the tab counts what waits.
    expect(await office.getByTestId('import-status').first().textContent()).toContain('1 条冲突待处理');
    await office.getByTestId('import-needs-person').waitFor();
    await expect.poll(() => office.getByTestId('conflicts-badge').textContent()).toContain('1');
    await screenshot(office, 'exchange-import-conflict-zh');
    await office.getByTestId('import-open-conflicts').click();
    await office.getByTestId('conflict-detail').waitFor();
    // Named as people know the record, with local times; never a UUID for a title or a raw UTC stamp.
    const unitName = new Database(laptopDb, { readonly: true }).prepare('SELECT name FROM units').pluck().get() as string;
    expect(await office.getByTestId('conflict-detail-title').textContent()).toContain(unitName);
    expect(await office.getByTestId('conflicts-list').textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(await office.getByTestId('conflict-fields').textContent()).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d/);
    expect(await office.getByTestId('conflict-local').first().textContent()).toContain('市里改的地址');
    expect(await office.getByTestId('conflict-incoming').first().textContent()).toContain('笔记本上改的地址');
    await screenshot(office, 'exchange-conflict-zh');
    await office.getByTestId('language-switch').getByText('English').click();
    await office.getByTestId('tab-conflicts').getByText('Conflicts').waitFor();
    await screenshot(office, 'exchange-conflict-en');
    await office.getByTestId('take-incoming').click();
    await office.getByText('No conflicts to resolve').waitFor();
    const db = new Database(cityDb, { readonly: true });
    expect(db.prepare('SELECT address FROM units').pluck().get()).toBe('汉阳区 笔记本上改的地址 1 号');
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'bundle.conflict.resolve'").pluck().get()).toBe(1);
    db.close();
    await office.getByRole('tab', { name: 'Import' }).click();
    await office.getByTestId('import-history').locator('tbody tr.el-table__row').nth(1).locator('.el-table__expand-icon').click();
    await screenshot(office, 'exchange-history-en');
  }, 180_000);
});
