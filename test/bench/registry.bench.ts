// The registry of record in a city bundle (issue 17): a city of 100,000 units with three cycles
// of star history (300,000 rows), its laptops serving every district. The city bundle's export is
// measured against writing the same rows as JSON lines; its import on a laptop serving one
// district of 10,000 units (every line of the bundle verified, the other districts' rows skipped)
// against raw better-sqlite3 inserts of the bundle's rows into a fresh database in one transaction.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { wuhanDistricts } from '@shared/domain/districts';
import { exportWith, importWith } from '../../electron/main/bundles/bundle-deps';
import { signerMaterialOf } from '../../electron/main/bundles/signer';
import { enroll } from '../../electron/main/trust/trust-store';
import { openCore } from '../../electron/main/host/core';
import type { Core } from '../../electron/main/host/core';
import { createIdentity } from '../../electron/main/crypto/identity';
import type { PublicIdentity } from '../../electron/main/crypto/identity';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { contextOf, recordedAs } from '../helpers/context';
import { newId } from '../../electron/main/platform/ids';
import { tempDbFile, tempDir } from '../helpers/temp';
import { forInformation, record, withinRatio, writeFigures } from './harness';

afterAll(() => writeFigures('registry'));

const units = Number(process.env.BENCH_REGISTRY_UNITS ?? 100_000);
const served = '420105';
/** One district of 10,000 units (at 100,000); the rest spread over the other fourteen. */
const servedUnits = Math.round(units / 10);
const cycles = [2023, 2024, 2025];
const now = new Date('2026-12-01T10:00:00Z');
const actor = 'bench';

function fillCity(city: Core): void {
  const db = city.services.db;
  const others = wuhanDistricts.map((district) => district.code).filter((code) => code !== served);
  const stamp = now.toISOString();
  const insertUnit = db.prepare(
    `INSERT INTO units (id, workstation_id, name, name_sort, kind, district_code, address, uscc, contact, phone, current_stars, last_assessed_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'enterprise', ?, ?, NULL, '联系人', '027-88880000', 3, '2025-11-01', ?, ?)`,
  );
  const insertHistory = db.prepare(
    "INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 'stepUp', ?)",
  );
  const workstation = city.services.workstation.id;
  db.transaction(() => {
    for (let index = 0; index < units; index += 1) {
      const district = index < servedUnits ? served : (others[index % others.length] as string);
      const id = newId();
      const name = `基准单位${index}`;
      insertUnit.run(id, workstation, name, name, district, `武汉市某路${index}号`, stamp, stamp);
      cycles.forEach((cycle, step) => insertHistory.run(newId(), id, cycle, step + 1, step, `${cycle}-11-01`, stamp));
    }
  }).immediate();
}

async function identityOf(core: Core): Promise<{ identity: PublicIdentity; signer: ReturnType<typeof signerMaterialOf> }> {
  const unlocked = await createIdentity(core.services.db, core.services.workstation, [new PassphraseKeyStore('bench passphrase')], now);
  return { identity: unlocked.publicIdentity, signer: signerMaterialOf(unlocked) };
}

/** The bundle's rows (registry units and history; or one district's), straight into a fresh database in one transaction. */
function rawInserts(city: Core, target: Core, district?: string): number {
  const from = city.services.db;
  const to = target.services.db;
  const where = district === undefined ? '' : `WHERE u.district_code = '${district}'`;
  const unitRows = from.prepare(`SELECT id, workstation_id, name, name_sort, kind, district_code, address, uscc, contact, phone, current_stars, last_assessed_on, created_at, updated_at FROM units u ${where}`).all() as Record<string, unknown>[];
  const historyRows = from.prepare(`SELECT h.id, h.unit_id, h.cycle, h.stars, h.previous_stars, h.assessed_on, h.assessment_id, h.vetoed, h.decided_by, h.source, h.entered_by, h.created_at FROM unit_star_history h JOIN units u ON u.id = h.unit_id ${where}`).all() as Record<string, unknown>[];
  const start = process.hrtime.bigint();
  to.transaction(() => {
    for (const [table, rows] of [['units', unitRows], ['unit_star_history', historyRows]] as const) {
      const columns = Object.keys(rows[0] as object);
      const insert = to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
      for (const row of rows) insert.run(row);
    }
  }).immediate();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

it(`exports a city bundle of ${units.toLocaleString('en-US')} units and imports one district of it on a laptop`, async () => {
  const city = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  fillCity(city);
  const laptop = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  const other = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  const cityKeys = await identityOf(city);
  const laptopKeys = await identityOf(laptop);
  const otherKeys = await identityOf(other);
  enroll(contextOf(city, recordedAs(actor), () => now), laptopKeys.identity, [served]);
  enroll(contextOf(city, recordedAs(actor), () => now), otherKeys.identity, wuhanDistricts.map((district) => district.code).filter((code) => code !== served));
  enroll(contextOf(laptop, recordedAs(actor), () => now), { ...cityKeys.identity, kind: 'city' });

  const folder = tempDir();
  const bundle = path.join(folder, 'city.dxb');
  const historyRows = units * cycles.length;
  const size = `${units.toLocaleString('en-US')} units, ${historyRows.toLocaleString('en-US')} history rows`;
  let start = process.hrtime.bigint();
  const exported = await exportWith(contextOf(city, recordedAs(actor), () => now), { out: bundle, full: true, city: true, signer: cityKeys.signer, dataDir: city.services.dataDir });
  const exportSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  expect(exported.counts).toMatchObject({ registry_units: units, registry_history: historyRows });
  start = process.hrtime.bigint();
  const lines = ['units', 'unit_star_history'].map((table) => (city.services.db.prepare(`SELECT * FROM ${table}`).all() as object[]).map((row) => JSON.stringify(row)).join('\n'));
  fs.writeFileSync(path.join(folder, 'raw.jsonl'), lines.join('\n'));
  const rawExportSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  record({
    name: 'registry.cityExport',
    size: `${size}; ${(exported.bytes / 1024 / 1024).toFixed(1)} MB`,
    seconds: exportSeconds,
    baselineSeconds: rawExportSeconds,
    baseline: 'SELECT * of the same rows to JSON lines in one file, unsigned, uncompressed',
    goal: withinRatio(exportSeconds, rawExportSeconds, 3),
  });

  start = process.hrtime.bigint();
  const report = await importWith(contextOf(laptop, recordedAs(actor), () => now), { file: bundle, dataDir: laptop.services.dataDir });
  const importSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  expect(report.refused).toEqual([]);
  expect(report.added).toMatchObject({ registry_units: servedUnits, registry_history: servedUnits * cycles.length });
  expect(report.skipped).toMatchObject({ registry_units: units - servedUnits, registry_history: (units - servedUnits) * cycles.length });

  const raw = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  const rawSeconds = rawInserts(city, raw);
  const met = importSeconds / rawSeconds <= 1.5;
  record({
    name: 'registry.laptopImport',
    size: `${size} verified, one district of ${servedUnits.toLocaleString('en-US')} units and ${(servedUnits * cycles.length).toLocaleString('en-US')} history rows imported`,
    seconds: importSeconds,
    baselineSeconds: rawSeconds,
    baseline: `raw better-sqlite3 INSERTs of the bundle's ${size} in one transaction`,
    goal: withinRatio(importSeconds, rawSeconds, 1.5),
  });
  // Beside it, for the record: the same import against inserting only the rows it keeps.
  const rawDistrict = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  const districtSeconds = rawInserts(city, rawDistrict, served);
  record({
    name: 'registry.laptopImport.keptRowsOnly',
    size: `the same import; baseline: only the ${servedUnits.toLocaleString('en-US')} units and ${(servedUnits * cycles.length).toLocaleString('en-US')} history rows it keeps`,
    seconds: importSeconds,
    baselineSeconds: districtSeconds,
    baseline: 'raw better-sqlite3 INSERTs of the served district’s rows in one transaction (no verification, nothing skipped)',
    goal: forInformation(),
  });
  for (const core of [city, laptop, other, raw, rawDistrict]) core.close();
  expect(met, `the laptop's import took ${(importSeconds / rawSeconds).toFixed(2)}× the raw inserts`).toBe(true);
});
