// 数据交换 › 信任库 at the city office: a laptop's bundle refused because its audit log was wiped
// shows on the laptop's trust entry as a warning, in Chinese and English, until someone with the
// city role acknowledges it with a note; the acknowledgment stays in the entry's history.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, newAppPage, screenshot } from './support/browser';
import { openLoggedIn } from './support/app-in-browser';
import { dingxing as runDingxing } from './support/dingxing';
import { serveApp } from './support/serve';
import type { ServedApp } from './support/serve';

const passphrase = 'e2e trust warnings passphrase';
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-trust-warnings-'));
const laptopDb = path.join(folder, 'laptop.sqlite');
const env = { DINGXING_KEY_PASSPHRASE: passphrase };
const dingxing = (...args: string[]) => runDingxing(args, { env });
/** The city office's import: exit 1 when the bundle is refused, which is the point here. */
const importAtCity = (dbFile: string, bundle: string) => runDingxing(['import', bundle, '--db', dbFile, '--json'], { env, allow: [1] });

const cityDb = path.join(folder, 'city.sqlite');
let app: ServedApp | undefined;
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  fs.rmSync(folder, { recursive: true, force: true });
});

/** Takes a while on a busy machine (a dozen commands): run inside the test, not in a hook. */
async function prepare(): Promise<void> {
  // The laptop: a little work, enrolled at the city office, its first bundle imported.
  await dingxing('identity', 'create', '--db', laptopDb);
  await dingxing('demo', '--units', '2', '--db', laptopDb);
  await dingxing('identity', 'export', '--out', path.join(folder, 'laptop.id'), '--db', laptopDb);
  await dingxing('trust', 'add', path.join(folder, 'laptop.id'), '--db', cityDb);
  await dingxing('export', '--out', path.join(folder, '1.dxb'), '--db', laptopDb);
  expect(await importAtCity(cityDb, path.join(folder, '1.dxb'))).toContain('"status": "imported"');
  // Someone empties the laptop's audit log with the sqlite3 shell, works on, and sends the next bundle.
  const raw = new Database(laptopDb);
  raw.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_delete; DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
  raw.close();
  await runDingxing(['users', 'add', 'newcomer', '--role', 'inspector', '--db', laptopDb], { env: { ...env, DINGXING_PASSWORD: 'newcomer-password-1' } });
  await dingxing('export', '--out', path.join(folder, '2.dxb'), '--db', laptopDb);
  expect(await importAtCity(cityDb, path.join(folder, '2.dxb'))).toContain('"status": "refused"');
}

describe('数据交换 › 信任库: audit chain warnings', () => {
  it('shows the refused bundle on the trust entry until the city acknowledges it, in both languages', async () => {
    await prepare();
    app = await serveApp({ dbFile: cityDb, env: { DINGXING_KEY_PASSPHRASE: passphrase } });
    browser = await launchBrowser();
    const page = await newAppPage(browser);
    await openLoggedIn(page, app, 'city');
    await page.getByTestId('nav-/exchange').click();
    await page.getByTestId('exchange-view').waitFor();
    await page.getByRole('tab', { name: '信任库' }).click();
    const warning = page.getByTestId('trust-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/第 2 号数据包因审计链被拒收/);
    expect(await warning.textContent()).toMatch(/重新开始/);
    expect(await page.getByTestId('trust-warning-count').textContent()).toContain('1 条警告待确认');
    await screenshot(page, 'exchange-trust-warning-zh');

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByText('was refused for its audit chain').waitFor();
    expect(await warning.textContent()).toMatch(/restarts at entry \d+ \(a zero prev_hash\)/);
    await screenshot(page, 'exchange-trust-warning-en');

    await page.getByTestId('trust-acknowledge').click();
    await page.locator('.el-message-box input').fill('Called the team: the laptop was reinstalled');
    await page.locator('.el-message-box').getByRole('button', { name: 'Checked: acknowledge' }).click();
    await page.getByText('Warning acknowledged').waitFor();
    await expect.poll(() => page.getByTestId('trust-warning').count()).toBe(0);
    await page.getByTestId('trust-list').locator('.el-table__expand-icon').first().click();
    await page.getByText(/acknowledged by cli:|acknowledged by /).first().waitFor();
    await screenshot(page, 'exchange-trust-warning-history-en');

    const db = new Database(cityDb, { readonly: true });
    const acknowledged = db.prepare("SELECT actor, data FROM audit_log WHERE action = 'trust.acknowledgeWarning'").get() as { actor: string; data: string };
    db.close();
    expect(JSON.parse(acknowledged.data)).toMatchObject({ problem: 'restart', note: 'Called the team: the laptop was reinstalled' });
  }, 300_000);
});
