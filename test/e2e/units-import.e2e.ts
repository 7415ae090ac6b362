// Importing units through the app: the preview shows every row and every error before anything is
// written; a bad file cannot be imported; a good one lands in the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { useAppInBrowser, openLoggedIn } from './support/app-in-browser';

let badFile: string;

const session = useAppInBrowser();

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-import-'));
  badFile = path.join(dir, '单位-有错误.csv');
  const good = fs.readFileSync('test/fixtures/units/units-zh.utf8.csv', 'utf8').trimEnd();
  // Line 7: a USCC whose check digit is wrong; line 8: a district that does not exist; line 9: a district by its short name.
  fs.writeFileSync(
    badFile,
    `${good}\n错误校验位公司,企业,,江岸区,,地址,91420102MA4K0001XA,,,\n不存在区的社区,社区,,火星区,,地址,,100,,\n简称区名社区,社区,,汉阳,,地址,,100,,\n`,
  );
});


describe('units import in the app', () => {
  it('shows the one file size limit in the dialog, in the view’s language', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${session.app.origin}/#/units`);
    await page.getByTestId('units-import-button').click();
    expect(await page.getByTestId('import-limit').textContent()).toBe('文件不超过 24 MB');
    // Let the dialog's opening animation settle before looking at it.
    await page.waitForTimeout(500);
    await screenshot(page, 'units-import-limit-zh');
    await page.keyboard.press('Escape');
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('units-import-button').click();
    expect(await page.getByTestId('import-limit').textContent()).toBe('Files up to 24 MB');
    await page.waitForTimeout(500);
    await screenshot(page, 'units-import-limit-en');
  });

  it('shows the errors of a bad file with their lines and refuses to import it', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    // vue-router listens for address changes only once its first navigation is done.
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${session.app.origin}/#/units`);
    await page.getByTestId('units-import-button').click();
    await page.getByTestId('import-file').setInputFiles(badFile);
    await page.getByTestId('import-errors').waitFor();
    const errors = (await page.getByTestId('import-errors').textContent()) ?? '';
    expect(errors).toContain('第 7 行');
    expect(errors).toContain('校验位');
    expect(errors).toContain('第 8 行');
    expect(errors).toContain('火星区');
    expect(await page.getByTestId('import-confirm').isDisabled()).toBe(true);
    // The preview names the district a row matched, with the spelling the file used beside it.
    expect(await page.getByTestId('import-preview-table').textContent()).toContain('汉阳区（汉阳）');
    await screenshot(page, 'units-import-errors');
    const status = await page.evaluate(async (token) => {
      const response = await fetch('/api/units.list', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Dingxing-Session': sessionStorage.getItem('dingxing.session') ?? '' },
        body: '{}',
      });
      return ((await response.json()) as { result: { total: number } }).result.total;
    }, session.app.token);
    expect(status).toBe(0);
  });

  it('previews a good file row by row, imports it, and lists the units', async () => {
    const page = await newAppPage(session.browser);
    await openLoggedIn(page, session.app);
    // vue-router listens for address changes only once its first navigation is done.
    await page.getByTestId('home-title').waitFor();
    await page.goto(`${session.app.origin}/#/units`);
    await page.getByTestId('units-import-button').click();
    await page.getByTestId('import-file').setInputFiles('test/fixtures/units/units-zh.utf8.csv');
    await page.getByTestId('import-preview-table').waitFor();
    expect(await page.getByTestId('import-preview-table').textContent()).toContain('武汉顺丰速运有限公司江岸分部');
    await screenshot(page, 'units-import-preview');
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('units-total').textContent(), { timeout: 15_000 }).toContain('5');
    await page.getByTestId('import-dialog').waitFor({ state: 'hidden' });
    await page.getByTestId('units-search').fill('三合村');
    await expect.poll(() => page.getByTestId('units-total').textContent()).toContain('共 1 个');
    expect(await page.getByTestId('units-table').textContent()).toContain('新洲区徐古镇三合村');
    expect(await page.getByTestId('units-table').textContent()).not.toContain('汉阳区四新社区');
    await screenshot(page, 'units-list-after-import');

    // With a search on, the export button says it exports only what the search found, and does so.
    const exportButton = page.getByTestId('units-export-button');
    await expect.poll(() => exportButton.textContent()).toContain('导出 Excel（当前筛选的 1 个）');
    const download = page.waitForEvent('download');
    await exportButton.click();
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-export-')), 'units.xlsx');
    await (await download).saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const names = workbook.worksheets[0]!.getSheetValues().slice(2).map((row) => String((row as unknown[])[1]));
    expect(names).toEqual(['新洲区徐古镇三合村']);
    await page.getByTestId('units-search').fill('');
    await expect.poll(() => exportButton.textContent()).toBe('导出 Excel');
  });
});
