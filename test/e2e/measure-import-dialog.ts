// Measures the units import dialog end to end in Chromium, as the goal states it: choose a
// 100,000-row CSV with 50,000 errors, time until the preview is shown, and the longest gap between
// two frames meanwhile and while paging (the page must stay responsive). Prints one JSON document.
//   npm run build && node test/tools/run-ts.mjs test/e2e/measure-import-dialog.ts [--lang en] [--shots DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { usccCheckCharacter } from '@shared/domain/uscc';
import { launchBrowser } from './support/browser';
import { e2eUsers, serveApp } from './support/serve';

const districts = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420113', '420114', '420115', '420116', '420117'];
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dx-measure-')), 'units-100k-50k-errors.csv');
const lines = ['名称,类型,行业,区,街道,地址,统一社会信用代码,户数,联系人,电话'];
for (let index = 0; index < 100_000; index += 1) {
  const district = districts[index % districts.length] as string;
  const body = `91${district}MA${index.toString().padStart(7, '0')}`;
  const good = usccCheckCharacter(body);
  // Every other row has a wrong check character: 50,000 errors.
  const uscc = `${body}${index % 2 === 0 ? good : good === '0' ? '1' : '0'}`;
  lines.push(`测试单位${index},企业,,${district},街道${index % 40},某路${index}号,${uscc},,张三,027-88880000`);
}
fs.writeFileSync(file, `${lines.join('\n')}\n`);

const app = await serveApp();
const browser = await launchBrowser();
try {
  // No request interception (newAppPage's route): with it, Chromium hands every request body to
  // Playwright over DevTools on the page's thread, a freeze no user's browser has.
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  await page.goto(app.url);
  await page.getByTestId('login-name').fill(e2eUsers.leader.name);
  await page.getByTestId('login-password').fill(e2eUsers.leader.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.goto(`${app.origin}/#/units`);
  await page.getByTestId('units-import-button').click();
  await page.waitForTimeout(500);
  // The longest gap between two frames since the last reset: a frozen page shows as a long gap.
  await page.evaluate(() => {
    const state = { last: performance.now(), longest: 0, changedAt: 0 };
    (window as unknown as { frameGaps: typeof state }).frameGaps = state;
    // From the moment the page has the file (as when a person picks it): Playwright's own
    // transfer of the file into the input is not the app's work.
    document.addEventListener('change', () => { state.changedAt = performance.now(); state.longest = 0; state.last = state.changedAt; }, true);
    const tick = (now: number) => {
      state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const resetGaps = () => page.evaluate(() => { const gaps = (window as unknown as { frameGaps: { last: number; longest: number } }).frameGaps; gaps.longest = 0; gaps.last = performance.now(); });
  const longestGap = () => page.evaluate(() => Math.round((window as unknown as { frameGaps: { longest: number } }).frameGaps.longest));

  const requests: Record<string, number> = {};
  page.on('requestfinished', (request) => {
    if (request.url().includes('/api/units.importPreview')) {
      const timing = request.timing();
      requests.previewRequestMs = Math.round(timing.responseEnd);
      requests.previewWaitingMs = Math.round(timing.responseStart - timing.requestStart);
    }
  });
  await resetGaps();
  const started = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-errors').waitFor();
  await page.getByTestId('import-preview-table').waitFor();
  const fromChangeMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(Math.round(performance.now() - (window as unknown as { frameGaps: { changedAt: number } }).frameGaps.changedAt)))));
  const previewShownMs = Date.now() - started;
  const gapWhilePreviewing = await longestGap();
  const summary = await page.getByTestId('import-summary').textContent();

  await resetGaps();
  const pageStart = Date.now();
  await page.locator('[data-testid="import-pager"] .btn-next').click();
  await page.getByTestId('import-preview-table').getByText('测试单位100', { exact: true }).waitFor();
  const nextPageMs = Date.now() - pageStart;
  const onlyStart = Date.now();
  await page.getByTestId('import-only-errors').click();
  await page.getByTestId('import-preview-table').getByText('测试单位1', { exact: true }).waitFor();
  const onlyErrorsMs = Date.now() - onlyStart;
  const gapWhilePaging = await longestGap();
  const shots = process.argv.includes('--shots') ? process.argv[process.argv.indexOf('--shots') + 1] : undefined;
  if (shots) await page.screenshot({ path: path.join(shots, 'units-import-100k-zh.png') });
  console.log(JSON.stringify({ rows: 100_000, errors: 50_000, fileMB: +(fs.statSync(file).size / 1024 / 1024).toFixed(1), previewShownMs, fromFileChosenToPreviewMs: fromChangeMs, longestFrameGapWhilePreviewingMs: gapWhilePreviewing, ...requests, nextPageMs, onlyErrorsMs, longestFrameGapWhilePagingMs: gapWhilePaging, summary }, null, 2));
} finally {
  await browser.close();
  await app.stop();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
