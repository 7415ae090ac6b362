// One language at a time: every route, in Chinese and in English, shows no text in the other script (proper names —
// units, streets, people — excepted). What a person reads is checked, so a missed message key or an English error fails.
import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newAppPage, screenshot } from './support/browser';
import { e2eUsers } from './support/serve';
import { openLoggedIn, useAppInBrowser } from './support/app-in-browser';
import { dingxing } from './support/dingxing';

interface ListedUnit { id: string; name: string; street: string | null; address: string | null; contact: string | null }

let units: ListedUnit[] = [];
/** One assessment of each status the demo holds, and a unit with a star history. */
let assessmentIds: string[] = [];
let unitWithHistory = '';
/** An assessment of each status, to open the dialogs each one offers. */
let byStatus: Record<string, string> = {};
const keyPassphrase = 'language walk key passphrase';
/** The demo's inspectors and team leaders, by name. */
let people: string[] = [];
const session = useAppInBrowser(async () => {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'dingxing-e2e-language-')), 'e2e.sqlite');
  // Keys made on purpose, so the demo issues plaques and a team leader meets the unlock dialog (serve starts locked).
  const withPassphrase = { env: { DINGXING_KEY_PASSPHRASE: keyPassphrase } };
  await dingxing(['identity', 'create', '--db', dbFile], withPassphrase);
  await dingxing(['demo', '--units', '60', '--db', dbFile], withPassphrase);
  units = JSON.parse(await dingxing(['units', 'list', '--json', '--limit', '1000', '--db', dbFile])) as ListedUnit[];
  const db = new BetterSqlite3(dbFile, { readonly: true });
  assessmentIds = db.prepare('SELECT min(id) FROM assessments GROUP BY status').pluck().all() as string[];
  byStatus = Object.fromEntries((db.prepare('SELECT status, min(id) AS id FROM assessments GROUP BY status').all() as { status: string; id: string }[]).map((row) => [row.status, row.id]));
  unitWithHistory = db.prepare('SELECT unit_id FROM assessments WHERE status IN (\'signed\', \'final\') GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
  people = db.prepare('SELECT inspector FROM assessments WHERE inspector IS NOT NULL UNION SELECT signed_by FROM assessments WHERE signed_by IS NOT NULL').pluck().all() as string[];
  db.close();
  return { dbFile };
});

/** Proper names may stay as they are in either view. */
function properNames(): string[] {
  // 综治 is glossed in the shipped pack's own English text ("A safety (综治) body"); the pack is data and never changes under its ref.
  const names = new Set<string>([...Object.values(e2eUsers).map((user) => user.displayName), ...people, '综治']);
  for (const unit of units) for (const name of [unit.name, unit.street, unit.address, unit.contact]) if (name) names.add(name);
  // Longest first, so a unit's name goes before a street inside it.
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * Latin words a Chinese view may show: item and category codes (RES-1, RES), names of file formats, keys and
 * programs, the language switch, the rubric packs' ids, and the login names of people.
 */
const latinWords = new Set(['X' /* X光机, as Chinese writes it */, 'U' /* U盘, a USB stick */, 'dxb' /* the bundle file's name ending */, 'Ctrl', 'Enter', 'Tab', 'Alt', 'S', 'E' /* the form's keys: Tab, Ctrl+S, Alt+E */, 'Y', 'N', 'English', 'PDF', 'CSV', 'XLSX', 'Excel', 'JPEG', 'PNG', 'WebP', 'Node', 'SQLite', 'Electron', 'linux', 'win', 'darwin', 'sqlite', 'wuhan-star', 'wuhan-ding', 'sha', 'tmp', ...Object.values(e2eUsers).map((user) => user.name), os.hostname()]);

/** What a person reads: the page's text, less what people wrote themselves (notes, descriptions), which stays as written. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const element of clone.querySelectorAll('.dx-user-text')) element.remove();
    document.body.append(clone);
    clone.style.position = 'absolute';
    const text = clone.innerText;
    clone.remove();
    return text;
  });
}

function foreignInChinese(text: string): string[] {
  // A token with a digit, a slash or a dot inside is an id, a code, a version or a path, not a word.
  const tokens = text.match(/[A-Za-z0-9][A-Za-z0-9@._/\\:+-]*/g) ?? [];
  const words = tokens.filter((token) => /[A-Za-z]/.test(token) && !/[\d/\\]/.test(token));
  return [...new Set(words.filter((word) => !/^[A-Z]{2,6}(?:-\d+)?$/.test(word) && !word.split(/[@.+]/).every((part) => part === '' || latinWords.has(part))))];
}

function foreignInEnglish(text: string): string[] {
  let rest = text;
  for (const name of properNames()) rest = rest.split(name).join(' ');
  rest = rest.replace(/中文/g, ' ');
  return [...new Set(rest.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [])];
}

function routes(): string[] {
  const list = ['/', '/units', '/assessments', '/certificates', '/districts', '/exchange'];
  for (const tab of ['status', 'rubric', 'users', 'user']) list.push(`/settings?tab=${tab}`);
  list.push(`/units/${unitWithHistory}`);
  for (const id of assessmentIds) list.push(`/assessments/${id}`);
  return list;
}

/** The dialogs a team leader meets: each opened on its page, read with the page behind it, then closed. */
function dialogs(): { name: string; route: string; open: string; ready: string }[] {
  return [
    { name: 'send-back', route: `/assessments/${byStatus.submitted}`, open: 'reopen-button', ready: '[data-testid="reopen-dialog"]' },
    { name: 'sign-confirm', route: `/assessments/${byStatus.submitted}`, open: 'sign-button', ready: '.dx-sign-confirm' },
    { name: 'finalize-confirm', route: `/assessments/${byStatus.signed}`, open: 'finalize-button', ready: '.dx-finalize-confirm' },
    { name: 'keys-unlock', route: '/settings?tab=status', open: 'keys-unlock', ready: '[data-testid="keys-dialog"]' },
  ];
}

async function walk(locale: 'zh-CN' | 'en'): Promise<Record<string, string[]>> {
  const page = await newAppPage(session.browser);
  await page.addInitScript((value) => localStorage.setItem('dingxing.locale', value), locale);
  await openLoggedIn(page, session.app, 'leader');
  const problems: Record<string, string[]> = {};
  for (const route of routes()) {
    await page.goto(`${session.app.origin}/#${route}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const text = await visibleText(page);
    const foreign = locale === 'en' ? foreignInEnglish(text) : foreignInChinese(text);
    if (foreign.length > 0) problems[route] = foreign;
    await screenshot(page, `language-${locale}-${route.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}`);
  }
  for (const dialog of dialogs()) {
    await page.goto(`${session.app.origin}/#${dialog.route}`);
    await page.getByTestId(dialog.open).click();
    await page.locator(dialog.ready).first().waitFor();
    await page.waitForTimeout(400);
    const text = await visibleText(page);
    const foreign = locale === 'en' ? foreignInEnglish(text) : foreignInChinese(text);
    if (foreign.length > 0) problems[`dialog ${dialog.name}`] = foreign;
    await screenshot(page, `language-${locale}-dialog-${dialog.name}`);
    await page.keyboard.press('Escape');
    await page.locator(dialog.ready).first().waitFor({ state: 'hidden' });
  }
  await page.context().close();
  return problems;
}

describe('one language at a time', () => {
  it('shows no English in the Chinese view of any route', { timeout: 180_000 }, async () => {
    expect(await walk('zh-CN')).toEqual({});
  });

  it('shows no Chinese but proper names in the English view of any route', { timeout: 180_000 }, async () => {
    expect(await walk('en')).toEqual({});
  });
});
