// 数据交换 › 市级数据包 end to end: a team leader enrolls the city office's identity after comparing
// the fingerprint, imports its city bundle through the page, and sees the city's receipts beside
// the export history (one bundle imported, one refused with the reason) — in Chinese and English.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing as runDingxing } from './support/dingxing';

const passphrase = 'e2e city passphrase';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-city-'));
const laptopDb = path.join(folder, 'laptop.sqlite');
const cityDb = path.join(folder, 'city.sqlite');
const at = (name: string) => path.join(folder, name);
const dingxing = (...args: string[]) => runDingxing(args, { env: { DINGXING_KEY_PASSPHRASE: passphrase } });
// A refused import exits 1; the refusal is what the test wants.
const tryDingxing = (...args: string[]) => runDingxing(args, { env: { DINGXING_KEY_PASSPHRASE: passphrase }, allow: [1] });

const laptop = useAppInBrowser(async () => {
  await dingxing('identity', 'create', '--db', laptopDb);
  await dingxing('identity', 'create', '--db', cityDb);
  await dingxing('demo', '--units', '1', '--db', laptopDb);
  // The laptop's two bundles reach the city office: the first is imported, the second refused
  // (the laptop was revoked meanwhile, then enrolled again).
  await dingxing('export', '--out', at('1.dxb'), '--db', laptopDb);
  await dingxing('export', '--full', '--out', at('2.dxb'), '--db', laptopDb);
  await dingxing('identity', 'export', '--out', at('laptop.id'), '--db', laptopDb);
  await dingxing('trust', 'add', at('laptop.id'), '--db', cityDb);
  await dingxing('import', at('1.dxb'), '--db', cityDb);
  const laptopId = (JSON.parse(fs.readFileSync(at('laptop.id'), 'utf8')) as { workstationId: string }).workstationId;
  await dingxing('trust', 'revoke', laptopId, '--db', cityDb);
  await tryDingxing('import', at('2.dxb'), '--db', cityDb);
  await dingxing('trust', 'add', at('laptop.id'), '--db', cityDb);
  const pack = { ...(JSON.parse(fs.readFileSync('electron/main/rubric/default-packs/wuhan-star-2026.1.json', 'utf8')) as object), version: '2027.1', inForceFrom: 2027 };
  fs.writeFileSync(at('pack.json'), JSON.stringify(pack));
  await dingxing('rubric', 'import', at('pack.json'), '--db', cityDb);
  await dingxing('export', '--city', '--out', at('city-48.dxb'), '--db', cityDb);
  await dingxing('identity', 'export', '--city', '--out', at('city.id'), '--db', cityDb);
  return { dbFile: laptopDb, env: { DINGXING_KEY_PASSPHRASE: passphrase } };
});

afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

describe('数据交换 › 市级数据包', () => {
  it('enrolls the city office, imports its bundle and shows the receipts beside the exports', async () => {
    const page = await newAppPage(laptop.browser);
    await openLoggedIn(page, laptop.app);
    await page.getByTestId('nav-/exchange').click();
    await page.getByRole('tab', { name: '市级数据包' }).click();
    await page.getByTestId('city-import-panel').waitFor();

    const fingerprint = (JSON.parse(fs.readFileSync(at('city.id'), 'utf8')) as { fingerprint: string }).fingerprint;
    await page.getByTestId('city-enroll-file').setInputFiles(at('city.id'));
    await page.getByText(fingerprint).waitFor();
    await page.getByRole('button', { name: '指纹一致，登记' }).click();
    await page.getByText(/已登记/).first().waitFor();
    await page.locator('.el-message').waitFor({ state: 'detached' });

    await page.getByTestId('city-import-file').setInputFiles(at('city-48.dxb'));
    await page.getByTestId('import-report').first().getByText('city-48.dxb').waitFor();
    expect(await page.getByTestId('import-status').first().textContent()).toContain('已导入');
    const added = await page.getByTestId('report-added').first().textContent();
    expect(added).toContain('评分标准 1');
    expect(added).toContain('回执 2');
    await screenshot(page, 'exchange-city-import-zh');

    await page.getByRole('tab', { name: '导出', exact: true }).click();
    const receipts = page.getByTestId('export-receipt');
    await receipts.first().waitFor();
    expect((await receipts.allTextContents()).map((text) => text.trim()).sort()).toEqual(['已导入', '已拒收']);
    const refusedRow = page.getByTestId('export-history').locator('tbody tr.el-table__row').filter({ hasText: '已拒收' });
    await refusedRow.locator('.el-table__expand-icon').click();
    await page.getByTestId('report-refusal').filter({ hasText: '已于' }).first().waitFor();
    await screenshot(page, 'exchange-receipts-zh');

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('report-refusal').filter({ hasText: 'was revoked on' }).first().waitFor();
    await screenshot(page, 'exchange-receipts-en');
    await page.getByRole('tab', { name: 'City bundle' }).click();
    await page.getByTestId('city-import-history').getByText('city-48.dxb').waitFor();
    await screenshot(page, 'exchange-city-import-en');

    const db = new Database(laptopDb, { readonly: true });
    expect(db.prepare("SELECT count(*) FROM rubric_packs WHERE ref = 'wuhan-star@2027.1'").pluck().get()).toBe(1);
    expect(db.prepare("SELECT kind FROM trusted_workstations").pluck().all()).toEqual(['city']);
    db.close();
  }, 180_000);
});
