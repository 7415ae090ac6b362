// The command line starts light: a command loads only what it needs. --help loads no database,
// and listing units loads no PDF, spreadsheet, chart, font, certificate or pinyin code; only the
// work a command asks for loads its libraries. Runs the built CLI (rebuilt by the test setup).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const hook = path.resolve('test/integration/cli-start/record-packages.mjs');
let folder: string;
let db: string;

/** The npm packages (and built-ins named without node:) that `dingxing args…` resolved. */
function packagesOf(args: string[], status = 0): Set<string> {
  const log = path.join(folder, `packages-${Math.random().toString(36).slice(2)}.txt`);
  const run = spawnSync(process.execPath, ['--import', hook, 'bin/dingxing.mjs', ...args], { encoding: 'utf8', env: { ...process.env, DINGXING_PACKAGES_LOG: log } });
  expect(run.status, run.stderr).toBe(status);
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  return new Set(lines.map((line) => (line.startsWith('@') ? line.split('/').slice(0, 2).join('/') : (line.split('/')[0] as string))));
}

const heavy = ['pdfkit', 'exceljs', '@signpdf/signpdf', 'node-forge', 'svg-to-pdfkit', 'echarts', 'pinyin-pro', 'fontkit'];

beforeAll(() => {
  folder = tempDir('dingxing-cli-start-');
  db = path.join(folder, 'small.sqlite');
  expect(spawnSync(process.execPath, ['bin/dingxing.mjs', 'demo', '--units', '30', '--db', db], { encoding: 'utf8' }).status).toBe(0);
}, 120_000);

describe('dingxing starts light', () => {
  it('prints --help without loading the database or any library of the core', () => {
    const loaded = packagesOf(['--help']);
    for (const name of ['better-sqlite3', 'uuid', ...heavy]) expect({ name, loaded: loaded.has(name) }).toEqual({ name, loaded: false });
  });

  it('lists units without PDF, spreadsheet, chart, font, certificate or pinyin code', () => {
    const loaded = packagesOf(['units', 'list', '--limit', '5', '--db', db]);
    expect(loaded.has('better-sqlite3')).toBe(true);
    for (const name of heavy) expect({ name, loaded: loaded.has(name) }).toEqual({ name, loaded: false });
  });

  it('checks a QR text without PDF, spreadsheet, chart or font code', () => {
    // Not one of ours: the verdict is given (exit 1) after the same lookups a valid one takes.
    const loaded = packagesOf(['verify', '--qr', 'DX1.eyJuIjoiV0gtMjAyNi00MjAxMDMtMDAwMDAxIn0.c2lnbmVk', '--db', db], 1);
    for (const name of heavy) expect({ name, loaded: loaded.has(name) }).toEqual({ name, loaded: false });
  });

  it('loads the spreadsheet library when a command writes a workbook', () => {
    const loaded = packagesOf(['ding', '--cycle', '2026', '--xlsx', path.join(folder, 'ding.xlsx'), '--db', db]);
    expect(loaded.has('exceljs')).toBe(true);
  });
});
