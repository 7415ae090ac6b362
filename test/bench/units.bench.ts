// The unit registry at 100,000 units: CSV import against raw prepared inserts, and its preview. (The
// list's filters are measured on the city-scale demo in city.bench.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterAll, it } from 'vitest';
import { usccCheckCharacter } from '@shared/domain/uscc';
import { applyMigrations } from '../../electron/main/db/open-database';
import { migrations } from '../../electron/main/db/migrations/index';
import { importUnitsFile } from '../../electron/main/units-import/import-units';
import { districtsSeeder } from '../../electron/main/units/seed-districts';
import { newId } from '../../electron/main/platform/ids';
import { parse } from 'csv-parse/sync';
import { openCore } from '../../electron/main/host/core';
import { anyone } from '../helpers/actors';
import { record, timeIt, withinRatio, withinSeconds, writeFigures } from './harness';
import { domainContext } from '../../electron/main/context/domain-context';
import { recordedAs } from '../helpers/context';

afterAll(() => writeFigures('units'));

const count = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-bench-units-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const districts = ['420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420113', '420114', '420115', '420116', '420117', '4201DH', '4201JK'];
const kinds = ['enterprise', 'community', 'village', 'institution'] as const;

interface Row { name: string; kind: string; industry: string; district: string; street: string; uscc: string; households: string }

function makeRows(): Row[] {
  return Array.from({ length: count }, (_, index) => {
    const kind = kinds[index % 4] as string;
    const district = districts[index % districts.length] as string;
    const body = `91${district.slice(0, 6).replace(/\D/g, '0')}MA${index.toString().padStart(7, '0')}`;
    return {
      name: `测试单位${index}`,
      kind,
      industry: kind === 'enterprise' ? ['', 'delivery', 'finance'][index % 3] as string : '',
      district,
      street: `街道${index % 40}`,
      uscc: kind === 'enterprise' ? `${body}${usccCheckCharacter(body)}` : '',
      households: kind === 'community' || kind === 'village' ? String(300 + (index % 5000)) : '',
    };
  });
}

function freshDb(name: string): Database {
  const file = path.join(dir, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  applyMigrations(db, migrations, 0);
  db.transaction(() => districtsSeeder.seed({ db } as Parameters<typeof districtsSeeder.seed>[0]))();
  return db;
}

const rows = makeRows();
const csv = Buffer.from(
  ['name,kind,industry,district,street,address,uscc,households,contact,phone', ...rows.map((row) => `${row.name},${row.kind},${row.industry},${row.district},${row.street},,${row.uscc},${row.households},,`)].join('\n'),
);

it('imports 100,000 units from CSV', async () => {
  let db: Database | undefined;
  const seconds = await timeIt(async () => {
    db?.close();
    db = freshDb('import.sqlite');
    const report = await importUnitsFile(domainContext({ db, workstation: { id: 'bench', name: 'bench', named: true }, now: () => new Date('2026-12-01T10:00:00+08:00') }, recordedAs('bench')), { fileName: 'units.csv', bytes: csv, preview: false });
    if (report.imported !== count) throw new Error(`imported ${report.imported}: ${JSON.stringify(report.errors.slice(0, 3))}`);
  }, 3);
  db?.close();

  const baselineSeconds = await timeIt(() => {
    const raw = freshDb('raw.sqlite');
    const insertStreet = raw.prepare('INSERT INTO streets (id, district_code, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    const findStreet = raw.prepare('SELECT id FROM streets WHERE district_code = ? AND name = ?').pluck();
    const insert = raw.prepare(
      'INSERT INTO units (id, workstation_id, name, kind, industry, district_code, street_id, uscc, households, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    raw.transaction(() => {
      for (const row of rows) {
        insertStreet.run(newId(), row.district, row.street);
        const streetId = findStreet.get(row.district, row.street);
        insert.run(newId(), 'bench', row.name, row.kind, row.industry || null, row.district, streetId, row.uscc || null, row.households ? Number(row.households) : null, now, now);
      }
    })();
    raw.close();
  }, 3);
  record({
    name: 'units.import.csv',
    size: `100,000 units, ${(csv.length / 1024 / 1024).toFixed(1)} MB CSV, fresh file DB, synchronous=FULL`,
    seconds,
    baselineSeconds,
    baseline: 'raw better-sqlite3 prepared inserts of pre-parsed rows in one transaction',
    rate: { value: count / seconds, unit: 'units/s' },
    goal: withinRatio(seconds, baselineSeconds, 3),
  });
});

/** The file the goal names: 100,000 rows, every other one with a wrong USCC check character. */
function halfBadCsv(): Buffer {
  return Buffer.from(
    ['name,kind,industry,district,street,address,uscc,households,contact,phone', ...rows.map((row, index) => {
      const uscc = row.uscc === '' ? `91420102MA${index.toString().padStart(7, '0')}` : row.uscc;
      const body = uscc.slice(0, 17);
      const good = usccCheckCharacter(body);
      const wrong = index % 2 === 0 ? (good === '0' ? '1' : '0') : good;
      return `${row.name},enterprise,${row.industry},${row.district},${row.street},某路${index}号,${body}${wrong},,张三,027-88880000`;
    })].join('\n'),
  );
}

it('previews 100,000 rows with 50,000 errors through the API procedure', async () => {
  const file = halfBadCsv();
  const core = await openCore({ dbFile: path.join(dir, 'preview.sqlite'), jobMode: fs.existsSync('dist/jobs-worker.mjs') ? 'worker' : 'inline' });
  const input = { fileName: 'units.csv', contentBase64: file.toString('base64') };
  let answerBytes = 0;
  const seconds = await timeIt(async () => {
    const result = await core.dispatcher.dispatch('units.importPreview', input, anyone);
    if (!result.ok) throw new Error(result.error.message);
    const summary = result.value as { errorCount: number; totalRows: number };
    if (summary.errorCount !== 50_000 || summary.totalRows !== count) throw new Error(`unexpected summary ${JSON.stringify(summary).slice(0, 200)}`);
    answerBytes = JSON.stringify(summary).length;
  }, 3);
  core.close();
  const baselineSeconds = await timeIt(() => parse(new TextDecoder().decode(file), { relax_column_count: true }), 3);
  record({
    name: 'units.importPreview (100k rows, 50k errors)',
    size: `100,000 rows, 50,000 errors, ${(file.length / 1024 / 1024).toFixed(1)} MB CSV; answer ${(answerBytes / 1024).toFixed(0)} KB (summary, the rest held by token)`,
    seconds,
    baselineSeconds,
    baseline: 'csv-parse of the same file (decode + parse only)',
    // The goal is the dialog within 3 s; the core's share of it is 2 s.
    goal: { ...withinSeconds(seconds, 2), text: '≤ 2 s in the core (the dialog within 3 s)' },
  });
});
