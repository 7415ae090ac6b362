// Measures every screen of the city office in Chromium at 1366×768 on a city-scale database, as a
// person meets them: from the click on the menu to the menu showing the section, to a skeleton or
// content in the page (feedback), to the content itself; and the longest main-thread task while
// the screen opened. Then the 单位 filters, from the click (or the last keystroke) to the redrawn
// table. Prints one JSON document; run on demand, never part of `npm test`:
//   npm run build && node bin/dingxing.mjs demo --units 100000 --db /path/city.sqlite   (once; see docs/assessments.md)
//   node test/tools/run-ts.mjs test/e2e/measure-screens.ts --db /path/city.sqlite [--lang en] [--shots DIR] [--runs 3]
//     [--copy /path/work.sqlite] [--trace DIR [--trace-js]] [--cpu] [--only units,district,audit,filters]
// The database is copied first: serving it adds the e2e users and writes sessions and audit entries.
// `--copy FILE` keeps that copy at FILE and, when FILE is already there, serves it again as it is
// (copying a city database takes minutes). `--trace DIR` records a Chromium performance trace of
// each screen's and each filter's first run (open one in DevTools' Performance panel) to tell what a
// long task was made of; `--trace-js` samples the JavaScript too (which function ran), at a cost:
// every task then takes longer than it does for a person. `--cpu` adds each longest task's
// processor time (longestTaskCpuMs), which the machine's load stretches much less than its length.
// `--only` measures some parts: screens by their path's name (home, units, …), the one district
// (district), the audit log (audit), the filters.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { e2eUsers, serveApp } from './support/serve';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const source = option('db');
if (!source || !fs.existsSync(source)) {
  console.error('usage: node test/tools/run-ts.mjs test/e2e/measure-screens.ts --db CITY.sqlite [--lang en] [--shots DIR] [--runs N] [--copy FILE] [--trace DIR [--trace-js]] [--cpu] [--only PARTS]');
  process.exit(2);
}
const lang = option('lang') === 'en' ? 'en' : 'zh-CN';
const shots = option('shots');
const runs = Number(option('runs') ?? 3);
const only = option('only')?.split(',');
const measured = (part: string) => only === undefined || only.includes(part);
const traces = option('trace');
const cpu = process.argv.includes('--cpu');
if (traces) fs.mkdirSync(traces, { recursive: true });
const kept = option('copy');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-measure-screens-'));
const dbFile = kept ? path.resolve(kept) : path.join(dir, 'city.sqlite');
// A kept copy that is already there has the e2e users from its first run.
const prepared = kept !== undefined && fs.existsSync(dbFile);
if (!prepared) fs.copyFileSync(source, dbFile);

/** Installed in the page: long tasks as the browser reports them, the time of the last click or key, and a frame-by-frame wait. */
function installProbe(): void {
  type Probe = { tasks: { start: number; end: number }[]; inputAt: number; until(selector: string, changedFrom?: string, changedTo?: string): Promise<number>; text(selector: string): string };
  // The text of every element the selector matches (rows and the count: a filter may keep the first rows).
  const text = (selector: string) => [...document.querySelectorAll(selector)].map((element) => element.textContent ?? '').join('\n');
  const probe: Probe = {
    tasks: [],
    inputAt: 0,
    text,
    until(selector, changedFrom, changedTo) {
      // A wait that never ends would hang the run: after 30 s it answers NaN, reported as null.
      const giveUpAt = performance.now() + 30_000;
      return new Promise((resolve) => {
        const check = () => {
          const element = document.querySelector(selector);
          const shown = element !== null && element.getClientRects().length > 0;
          const now = shown && (changedFrom !== undefined || changedTo !== undefined) ? text(selector) : '';
          if (shown && (changedFrom === undefined || now !== changedFrom) && (changedTo === undefined || now === changedTo)) resolve(performance.now());
          else if (performance.now() > giveUpAt) resolve(Number.NaN);
          else requestAnimationFrame(check);
        };
        check();
      });
    },
  };
  (window as unknown as { dxProbe: Probe }).dxProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.tasks.push({ start: entry.startTime, end: entry.startTime + entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  // An input too: a Chinese character comes from the input method in one input event, with no key of its own.
  for (const type of ['pointerdown', 'keydown', 'input'])
    document.addEventListener(
      type,
      () => {
        probe.inputAt = performance.now();
        // For --cpu: where the time runs from, in the trace's clock.
        performance.mark('dx-input');
      },
      true,
    );
}

interface Timing {
  menuMs?: number | null;
  feedbackMs?: number | null;
  /** null: not shown within 30 s. */
  contentMs: number | null;
  longestTaskMs: number;
  /** --cpu: the main thread's processor time in that task (what the machine's load does not stretch). */
  longestTaskCpuMs?: number;
}

/** Waits (in the page) for each selector in turn, from the last input; the longest task that overlapped, until content and a moment after. */
async function measure(page: Page, act: () => Promise<void>, marks: Marks, trace?: string): Promise<Timing> {
  await page.evaluate(() => ((window as unknown as { dxProbe: { inputAt: number } }).dxProbe.inputAt = 0));
  const file = traces && trace ? path.join(traces, `${trace.replace(/[^\w]+/g, '-')}.json`) : undefined;
  const browser = page.context().browser();
  const tracing = browser !== null && (file !== undefined || cpu);
  if (tracing) await browser.startTracing(page, { ...(file ? { path: file } : {}), screenshots: false, categories: file ? traceCategories : cpuCategories });
  let timing: Timing;
  try {
    timing = await timed(page, act, marks);
  } finally {
    if (tracing) {
      const recorded = await browser.stopTracing();
      if (cpu) timing = { ...timing!, longestTaskCpuMs: longestTaskCpu(recorded) };
    }
  }
  return timing;
}

/**
 * The processor time of the longest main-thread task from the last input to the end of the wait
 * (the marks dx-input and dx-end): on a shared machine a task's length stretches with the load,
 * its thread time much less.
 */
function longestTaskCpu(recorded: Buffer): number {
  type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number };
  const events = (JSON.parse(recorded.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const end = events.filter((event) => event.name === 'dx-end').at(-1);
  if (!end) return Number.NaN;
  const input = events.filter((event) => event.name === 'dx-input' && event.pid === end.pid && event.ts <= end.ts).at(-1);
  const from = input?.ts ?? 0;
  const tasks = events.filter((event) => event.name === 'RunTask' && event.pid === end.pid && event.tid === end.tid && event.ph === 'X' && event.ts + (event.dur ?? 0) > from && event.ts < end.ts);
  return Math.round(Math.max(0, ...tasks.map((task) => (task.tdur ?? 0) / 1000)));
}

/** --cpu: only the tasks and the marks. */
const cpuCategories = ['disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** The main thread's tasks with their layout, style and script work (and with --trace-js which function ran). */
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8.execute', ...(process.argv.includes('--trace-js') ? ['disabled-by-default-v8.cpu_profiler'] : [])];

/** What shows the section being opened, a placeholder, and the content (for a filter: its text changed, or became exactly this). */
interface Marks {
  menu?: string;
  feedback?: string;
  content: string;
  changedFrom?: string;
  changedTo?: string;
}

async function timed(page: Page, act: () => Promise<void>, marks: Marks): Promise<Timing> {
  // The page watches from before the click: a long task right after it must not hide when the menu was marked.
  await page.evaluate((wanted) => {
    const probe = (window as unknown as { dxProbe: { until(selector: string, changedFrom?: string, changedTo?: string): Promise<number>; pending?: Promise<(number | undefined)[]> } }).dxProbe;
    probe.pending = Promise.all([
      wanted.menu ? probe.until(wanted.menu) : Promise.resolve(undefined),
      wanted.feedback ? probe.until(wanted.feedback) : Promise.resolve(undefined),
      probe.until(wanted.content, wanted.changedFrom, wanted.changedTo),
    ]);
  }, marks);
  await act();
  const result = await page.evaluate(async () => {
    const probe = (window as unknown as { dxProbe: { tasks: { start: number; end: number }[]; inputAt: number; pending: Promise<(number | undefined)[]> } }).dxProbe;
    const [menu, feedback, content] = (await probe.pending) as [number | undefined, number | undefined, number];
    await new Promise((resolve) => setTimeout(resolve, 300));
    const start = probe.inputAt;
    const until = Number.isNaN(content) ? performance.now() : content + 300;
    performance.mark('dx-end');
    const longest = probe.tasks.filter((task) => task.end > start && task.start < until).reduce((max, task) => Math.max(max, task.end - Math.max(task.start, start)), 0);
    const since = (at: number | undefined) => (at === undefined ? undefined : Number.isNaN(at) ? null : Math.round(at - start));
    return { menuMs: since(menu), feedbackMs: since(feedback), contentMs: since(content) as number, longestTaskMs: Math.round(longest) };
  });
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as unknown as Timing;
}

function median(values: (number | null | undefined)[]): number | null {
  if (values.some((value) => value === null || value === undefined)) return null;
  const sorted = (values as number[]).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Median times (null when a run never showed it); the longest task of all runs, and its median over the runs. */
function summarise(samples: Timing[]): Record<string, number | null> {
  const keys = Object.keys(samples[0] ?? {}) as (keyof Timing)[];
  const summary: Record<string, number | null> = {};
  for (const key of keys) {
    const values = samples.map((sample) => sample[key]);
    if (key === 'longestTaskMs' || key === 'longestTaskCpuMs') {
      summary[key] = Math.max(...(values as number[]));
      summary[key.replace(/Ms$/, 'MedianMs')] = median(values);
    } else summary[key] = median(values);
  }
  return summary;
}

const skeleton = '[data-testid="screen-skeleton"], [data-testid="table-skeleton"]';
const screens: { name: string; nav: string; content: string; then?: (page: Page) => Promise<void> }[] = [
  { name: '首页 home', nav: '/', content: '[data-testid="home-districts"]' },
  { name: '单位 units', nav: '/units', content: '[data-testid="units-table"] tbody tr' },
  { name: '评定 assessments', nav: '/assessments', content: '[data-testid="assessment-total"]' },
  { name: '证书 certificates', nav: '/certificates', content: '[data-testid="certificate-table"] tbody tr' },
  { name: '区县与平安鼎 districts', nav: '/districts', content: '[data-testid="ding-table"] tbody tr' },
  { name: '数据交换 exchange', nav: '/exchange', content: '[data-testid="import-history"], [data-testid="export-history"]' },
  { name: '设置 settings', nav: '/settings', content: '[data-testid="settings-tabs"] .el-tabs__content > *' },
];

async function pickOption(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().waitFor();
  // The time runs from this click, as a person's choice of the option.
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().click();
}

const app = await serveApp({ dbFile, users: !prepared });
const browser = await launchBrowser();
// The machine's load beside the figures: on a shared machine every time stretches with it.
const report: Record<string, unknown> = { database: path.basename(source), lang, viewport: '1366×768', runs, loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 10) / 10) };
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: lang })).newPage();
  await page.addInitScript(installProbe);
  await page.addInitScript((locale) => localStorage.setItem('dingxing.locale', locale), lang);
  await page.goto(app.url);
  await page.getByTestId('login-name').fill(e2eUsers.city.name);
  await page.getByTestId('login-password').fill(e2eUsers.city.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  await page.locator('[data-testid="home-districts"]').waitFor({ timeout: 60_000 });

  const screenTimes: Record<string, Record<string, number | null>> = {};
  for (const screen of screens.filter((each) => measured(each.nav.slice(1) || 'home'))) {
    const samples: Timing[] = [];
    for (let run = 0; run < runs; run += 1) {
      // Start from another section each time, as a person moving around the app.
      const from = screen.nav === '/' ? '/settings' : '/';
      await page.getByTestId(`nav-${from}`).click();
      await page.locator(from === '/' ? '[data-testid="home-districts"]' : screens.at(-1)?.content ?? 'body').first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      samples.push(await measure(page, () => page.getByTestId(`nav-${screen.nav}`).click(), { menu: `[data-testid="nav-${screen.nav}"][aria-current="page"]`, feedback: `${skeleton}, ${screen.content}`, content: screen.content }, run === 0 ? `screen ${screen.nav}` : undefined));
    }
    screenTimes[screen.name] = summarise(samples);
    if (shots) await page.screenshot({ path: path.join(shots, `screen-${screen.nav.replace(/\W/g, '') || 'home'}-${lang}.png`) });
  }

  // One district's dashboard, from its row in the city table (洪山区, the largest district).
  const districtSamples: Timing[] = [];
  for (let run = 0; run < (measured('district') ? runs : 0); run += 1) {
    await page.getByTestId('nav-/districts').click();
    await page.locator('[data-testid="ding-table"] tbody tr').first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const row = page.locator('[data-testid="ding-table"] tbody tr').filter({ hasText: lang === 'en' ? 'Hongshan' : '洪山区' }).first();
    districtSamples.push(await measure(page, () => row.click(), { feedback: `${skeleton}, [data-testid="ding-district-units"]`, content: '[data-testid="ding-district-units"]' }, run === 0 ? 'screen district' : undefined));
  }
  if (districtSamples.length > 0) screenTimes['一个区 洪山区 district dashboard'] = summarise(districtSamples);
  if (shots && districtSamples.length > 0) await page.screenshot({ path: path.join(shots, `screen-district-${lang}.png`) });

  // The audit log's tab of 设置.
  const auditSamples: Timing[] = [];
  for (let run = 0; run < (measured('audit') ? runs : 0); run += 1) {
    await page.getByTestId('nav-/').click();
    await page.locator('[data-testid="home-districts"]').waitFor();
    await page.getByTestId('nav-/settings').click();
    await page.getByTestId('settings-tabs').waitFor();
    await page.waitForTimeout(300);
    auditSamples.push(await measure(page, () => page.locator('#tab-audit').click(), { feedback: `${skeleton}, [data-testid="audit-table"] tbody tr`, content: '[data-testid="audit-table"] tbody tr' }, run === 0 ? 'screen audit' : undefined));
  }
  if (auditSamples.length > 0) screenTimes['设置 › 审计日志 audit log'] = summarise(auditSamples);
  report.screens = screenTimes;

  let filterTimes: Record<string, Record<string, number | null>> = {};
  if (measured('filters')) {
    // 单位 filters: from the click on the option (or the last key typed) to the table redrawn with the new rows.
    await page.getByTestId('nav-/units').click();
    await page.locator('[data-testid="units-table"] tbody tr').first().waitFor();
    const filterSamples = new Map<string, Timing[]>();
    const totalSelector = '[data-testid="units-total"]';
    // The rows shown and their count (a filter may keep the first rows: 洪山区's first fifty units are all communities).
    const shownRows = '[data-testid="units-table"] tbody, [data-testid="units-total"]';
    const shownText = () => page.evaluate((selector) => (window as unknown as { dxProbe: { text(s: string): string } }).dxProbe.text(selector), shownRows);
    const settled = async () => {
      await page.waitForFunction(() => !document.querySelector('[data-testid="units-table"]')?.hasAttribute('aria-busy'));
      await page.waitForTimeout(500);
    };
    const byFilter = async (name: string, act: () => Promise<void>, changedTo?: string) => {
      const samples = filterSamples.get(name) ?? [];
      filterSamples.set(name, samples);
      try {
        const before = await shownText();
        samples.push(await measure(page, act, { content: shownRows, changedFrom: before, ...(changedTo === undefined ? {} : { changedTo }) }, samples.length === 0 ? `filter ${name}` : undefined));
      } catch (error) {
        samples.push({ contentMs: null, longestTaskMs: 0 });
        console.error(`${name}: ${(error as Error).message.split('\n')[0]}`);
      }
      await page.waitForTimeout(300);
    };
    const districtName = lang === 'en' ? 'Hongshan' : '洪山区';
    // Element Plus puts the test id on the <input> itself.
    const search = page.locator('input[data-testid="units-search"], [data-testid="units-search"] input').first();
    // What 光谷 finds, learnt first: typed key by key, the table may show for a moment what 光 alone
    // finds, which is not the answer the time runs to.
    await search.fill('光谷');
    await settled();
    const found = await shownText();
    await search.fill('');
    await settled();
    let shown = 0;
    for (let run = 0; run < runs; run += 1) {
      await byFilter('district 洪山区', () => pickOption(page, page.getByTestId('units-filter-district'), districtName));
      await byFilter('kind 社区', () => pickOption(page, page.getByTestId('units-filter-kind'), lang === 'en' ? 'Community' : '社区'));
      await byFilter('kind + stars ★★★', () => pickOption(page, page.getByTestId('units-filter-stars'), '★★★ '));
      await byFilter('reset', () => page.getByTestId('units-reset').click());
      await byFilter(
        'name search 光谷',
        async () => {
          await search.click();
          await search.pressSequentially('光谷', { delay: 120 });
        },
        found,
      );
      await byFilter('sort by stars', () => page.getByTestId('sort-currentStars').click());
      await byFilter('next page', () => page.locator('[data-testid="units-pager"] .btn-next').click());
      shown = Number((await page.locator(totalSelector).textContent())?.replace(/\D/g, ''));
      if (shots && run === 0) await page.screenshot({ path: path.join(shots, `screen-units-filtered-${lang}.png`) });
      // Back to the whole registry by name for the next run: the search cleared, the sort off (stars ↑, ↓, none).
      await search.fill('');
      await settled();
      for (let click = 0; click < 2; click += 1) {
        await page.getByTestId('sort-currentStars').click();
        await settled();
      }
    }
    filterTimes = Object.fromEntries([...filterSamples].map(([name, samples]) => [name, summarise(samples)]));
    filterTimes.total = { shown };
  }
  report.filters = filterTimes;
  report.loadAverageAtEnd = os.loadavg().map((value) => Math.round(value * 10) / 10);
  console.log(JSON.stringify(report, null, 2));
} finally {
  await browser.close();
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
