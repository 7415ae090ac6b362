// Measures 验证证书 end to end in Chromium, as a person does it: the certificate list is open (a
// demo season's certificates), they click 验证证书, choose a plaque PDF and read the verdict.
// Prints one JSON document: the time from the click to the panel, from the file to the verdict
// (and the server's share of it), and the main thread's busy time in each, over a few rounds.
//   npm run build && node test/tools/run-ts.mjs test/e2e/measure-verify.ts [--rounds 5] [--app DIR]
// --app serves another built copy of the app (its bin/dingxing.mjs), to compare two builds.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';

const argument = (name: string, fallback: string) => (process.argv.includes(name) ? (process.argv[process.argv.indexOf(name) + 1] as string) : fallback);
const rounds = Number(argument('--rounds', '5'));
const appDir = path.resolve(argument('--app', '.'));
const bin = path.join(appDir, 'bin/dingxing.mjs');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-measure-verify-'));
const dbFile = path.join(dir, 'measure.sqlite');
const env = { ...process.env, DINGXING_KEY_PASSPHRASE: 'measure passphrase', DINGXING_PASSWORD: 'measure-password-1' };
const cli = (...args: string[]) => execFileSync(process.execPath, [bin, ...args, '--db', dbFile], { env, encoding: 'utf8' });

cli('init', '--admin', 'measure');
cli('users', 'add', 'leader', '--role', 'leader');
cli('demo');
const certificates = JSON.parse(cli('certificate', 'list', '--json')) as { assessmentId: string }[];
const plaque = path.join(dir, 'plaque.pdf');
cli('certificate', 'issue', (certificates[0] as { assessmentId: string }).assessmentId, '--out', plaque);

const server = spawn(process.execPath, [bin, 'serve', '--db', dbFile, '--port', '0', '--json'], { stdio: ['ignore', 'pipe', 'inherit'], env });
const url = await new Promise<string>((resolve) => {
  let out = '';
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    try {
      resolve((JSON.parse(out) as { url: string }).url);
    } catch {
      // not complete yet
    }
  });
});

/** The page's main-thread busy time so far (ms), from Chromium's own counters. */
async function busyMs(page: Page): Promise<number> {
  const { metrics } = await (await performanceSession(page)).send('Performance.getMetrics');
  return Math.round((metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000);
}

const sessions = new WeakMap<Page, CDPSession>();
async function performanceSession(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (session === undefined) {
    session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    sessions.set(page, session);
  }
  return session;
}

const browser = await launchBrowser();
try {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  let serverMs = 0;
  page.on('requestfinished', (request) => {
    if (request.url().includes('/api/certificates.verifyPdf')) serverMs = Math.round(request.timing().responseStart - request.timing().requestStart);
  });
  await page.goto(url);
  await page.getByTestId('login-name').fill('leader');
  await page.getByTestId('login-password').fill('measure-password-1');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  const samples: Record<string, number>[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await page.getByTestId('nav-/certificates').click();
    await page.getByTestId('certificate-table').locator('tbody tr').first().waitFor();
    await page.waitForTimeout(500);
    let busy = await busyMs(page);
    let start = Date.now();
    await page.getByTestId('certificate-tabs').getByRole('tab', { name: /验证证书/ }).click();
    await page.getByTestId('verify-drop').waitFor();
    const openMs = Date.now() - start;
    const openBusyMs = (await busyMs(page)) - busy;
    busy = await busyMs(page);
    start = Date.now();
    await page.getByTestId('verify-file').setInputFiles(plaque);
    await page.getByTestId('verify-result').waitFor();
    const verdictMs = Date.now() - start;
    const verdictBusyMs = (await busyMs(page)) - busy;
    const verdict = await page.getByTestId('verify-result').getAttribute('data-verdict');
    if (verdict !== 'valid') throw new Error(`the plaque was found ${verdict}`);
    samples.push({ clickToVerdictMs: openMs + verdictMs, openMs, openBusyMs, verdictMs, verdictBusyMs, serverMs });
    await page.getByTestId('nav-/units').click();
    await page.waitForTimeout(300);
  }
  const median = (key: string) => samples.map((sample) => sample[key] as number).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
  const keys = Object.keys(samples[0] ?? {});
  console.log(JSON.stringify({ app: appDir, certificatesListed: certificates.length, plaqueKB: Math.round(fs.statSync(plaque).size / 1024), rounds, median: Object.fromEntries(keys.map((key) => [key, median(key)])), samples }, null, 2));
} finally {
  await browser.close();
  server.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
