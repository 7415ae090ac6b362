// The Ding table and one district summary PDF on 100,000 units over three cycles, each beside a raw SQL
// aggregate of the same coverage counts in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';
import { aspectIds } from '@shared/rubric/ding-pack';
import { openCore } from '../../electron/main/core';
import type { Core } from '../../electron/main/core';
import { nodePlatform } from '../../electron/main/platform';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../helpers/keys';
import { certificateDepsOf } from '../../electron/main/certificates/deps';
import { coverageSql, districtCoverageSql } from '../../electron/main/ding/coverage';
import { dingTable } from '../../electron/main/ding/ding-table';
import { appendInputs } from '../../electron/main/ding/inputs-store';
import { districtSummaryPdf } from '../../electron/main/summary/summary-pdf';
import { newId } from '../../electron/main/ids';
import { record, timeIt, writeFigures } from './harness';

afterAll(() => writeFigures('ding'));

const unitCount = 100_000;
const cycles = [2024, 2025, 2026];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-bench-ding-'));
let core: Core | undefined;
afterAll(() => {
  core?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** 100,000 units in the 15 districts, each assessed in most cycles (a final assessment and its history row). */
function seed(db: Database): void {
  const districts = db.prepare('SELECT code FROM districts ORDER BY sort').pluck().all() as string[];
  const kinds = ['enterprise', 'community', 'village', 'institution'];
  const stamp = '2026-01-01T00:00:00.000Z';
  const unit = db.prepare(`INSERT INTO units (id, workstation_id, name, kind, district_code, current_stars, created_at, updated_at) VALUES (?, 'bench', ?, ?, ?, ?, ?, ?)`);
  const assessment = db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, status, result, total, awarded_stars, signed_at, created_at, updated_at)
     VALUES (?, 'bench', ?, ?, ?, 'wuhan-star@2026.1', 'final', '{}', ?, ?, ?, ?, ?)`,
  );
  const history = db.prepare(`INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)`);
  db.transaction(() => {
    for (let index = 0; index < unitCount; index += 1) {
      const id = newId();
      let stars = 0;
      let previous = 0;
      const rows: [number, number, number][] = [];
      for (const cycle of cycles) {
        if ((index + cycle) % 5 === 0) continue; // not assessed that cycle
        const total = 50 + ((index * 7 + cycle) % 50);
        previous = stars;
        const reach = total >= 95 ? 5 : total >= 90 ? 4 : total >= 80 ? 3 : total >= 70 ? 2 : total >= 60 ? 1 : 0;
        stars = Math.min(reach, previous + 1);
        rows.push([cycle, total, stars]);
      }
      unit.run(id, `基准单位${index}`, kinds[index % 4], districts[index % districts.length], stars, stamp, stamp);
      let before = 0;
      for (const [cycle, total, awarded] of rows) {
        const assessmentId = newId();
        const on = `${cycle}-06-${String(1 + (index % 28)).padStart(2, '0')}`;
        assessment.run(assessmentId, id, cycle, on, total, awarded, `${on}T10:00:00.000Z`, stamp, stamp);
        history.run(newId(), id, cycle, awarded, before, on, assessmentId, stamp);
        before = awarded;
      }
    }
  })();
  const aspects = Object.fromEntries(aspectIds.map((aspect) => [aspect, 88])) as Record<(typeof aspectIds)[number], number>;
  for (const cycle of cycles) {
    appendInputs(db, cycle, districts.map((district) => ({ district, ruleOfLaw: 90, aspects, veto: false, vetoReason: null, previousGrade: 'bronze' as const })), { workstationId: 'bench', enteredBy: 'bench', source: 'bench', now: new Date() });
  }
  db.pragma('optimize');
}

it('evaluates the Ding table within 1 s and ≤ 2× the raw coverage aggregate', async () => {
  core = await openCore({ dbFile: path.join(dir, 'ding.sqlite'), jobMode: 'inline', platform: nodePlatform({ keyStore: new PassphraseKeyStore('bench passphrase') }) });
  await makeKeys(core, 'bench passphrase');
  const db = core.services.db;
  seed(db);
  const raw = db.prepare(coverageSql);
  const baseline = await timeIt(() => raw.all({ cycle: 2026 }), 5);
  const seconds = await timeIt(() => dingTable(db, 2026), 5);
  const table = dingTable(db, 2026);
  expect(table.rows).toHaveLength(15);
  expect(table.rows.reduce((sum, row) => sum + row.inScopeUnits, 0)).toBe(unitCount);
  const met = seconds <= 1 && seconds <= 2 * baseline;
  record({ name: 'ding table', size: `15 districts, ${unitCount.toLocaleString('en-US')} units, 3 cycles`, seconds, baselineSeconds: baseline, baseline: 'raw SQL coverage aggregate', goal: { text: '≤ 1 s and ≤ 2× baseline', met } });
});

it('writes one signed district summary PDF within 3 s', async () => {
  const services = (core as Core).services;
  const deps = certificateDepsOf(services);
  const raw = services.db.prepare(districtCoverageSql);
  const baseline = await timeIt(() => raw.all({ cycle: 2026, district: '420102' }), 3);
  let bytes = 0;
  const seconds = await timeIt(async () => {
    bytes = (await districtSummaryPdf(deps, '420102', 2026, 'bench')).pdf.length;
  }, 3);
  expect(bytes).toBeGreaterThan(10_000);
  record({ name: 'district summary PDF', size: `${Math.round(unitCount / 15).toLocaleString('en-US')} units listed, signed`, seconds, baselineSeconds: baseline, baseline: 'raw SQL coverage aggregate of the district', goal: { text: '≤ 3 s', met: seconds <= 3 } });
});
