// One served app and one browser per test file: started before its tests, stopped after them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { dingxing } from './dingxing';
import { e2eUsers, serveApp } from './serve';
import type { E2eUser, ServedApp } from './serve';

export interface AppInBrowser {
  app: ServedApp;
  browser: Browser;
}

/** `prepare` runs first and may name a database it filled (e.g. with `dingxing units import`). */
export function useAppInBrowser(prepare: () => Promise<{ dbFile?: string; users?: boolean; env?: Record<string, string> }> | { dbFile?: string; users?: boolean; env?: Record<string, string> } = () => ({})): AppInBrowser {
  const context = {} as AppInBrowser;
  // Preparing may load the demo season and issue its plaques: on a busy 2-core machine that alone can take a minute.
  beforeAll(async () => {
    context.app = await serveApp(await prepare());
    context.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await context.browser?.close();
    await context.app?.stop();
  });
  return context;
}

/** A database with the sample units of test/fixtures imported by `dingxing units import`, as a person would. */
export async function databaseWithSampleUnits(prefix: string): Promise<string> {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'e2e.sqlite');
  await dingxing(['units', 'import', 'test/fixtures/units/units-zh.utf8.csv', '--db', dbFile]);
  return dbFile;
}

/** Opens the app as a person does: the printed link, then the login screen (the team leader by default). */
export async function openLoggedIn(page: Page, app: ServedApp, who: E2eUser = 'leader'): Promise<void> {
  const user = e2eUsers[who];
  await page.goto(app.url);
  await page.getByTestId('login-name').fill(user.name);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
}

/**
 * An admin's first login on an unnamed workstation asks for its name (asked once per tab); a test about
 * something else answers 以后再说. Waits a moment for the question, since it comes after the status loads.
 */
export async function skipNamingIfAsked(page: Page): Promise<void> {
  const later = page.getByTestId('workstation-name-later');
  if (await later.waitFor({ timeout: 2000 }).then(() => true, () => false)) {
    await later.click();
    await page.getByTestId('workstation-name-dialog').waitFor({ state: 'hidden' });
  }
}
