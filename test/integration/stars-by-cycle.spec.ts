// The stars each unit holds by cycle (migration 0016, kept by star-history.ts) give exactly the
// coverage the whole star history gave before, on the demo data and after corrections and unit
// edits; and the migration fills the table exactly as star-history.ts keeps it.
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { coverageByDistrict } from '../../electron/main/ding/coverage';
import { getAssessment, signAssessment, submitAssessment, supersedeAssessment } from '../../electron/main/assessments/workflow';
import { updateUnitFacts } from '../../electron/main/units/unit-store';
import type { UnitFacts } from '../../electron/main/units/unit-store';
import type { Unit } from '@shared/api/procedures/units';
import { getUnitRow } from '../../electron/main/units/unit-queries';
import { migration0017 } from '../../electron/main/db/migrations/0017-unit-stars-by-cycle';
import type { Core } from '../../electron/main/host/core';
import { testCore } from '../helpers/core';
import { anyone, inspectorActor, leaderActor } from '../helpers/actors';
import { fullAnswers } from '../unit/assessments/fixtures';
import { contextOf } from '../helpers/context';

/** Coverage as it was computed before migration 0016: a window over the whole history in force. */
const coverageFromHistorySql = `
  WITH latest AS (
    SELECT unit_id, stars, cycle
      FROM (SELECT h.unit_id, h.stars, h.cycle,
                   row_number() OVER (PARTITION BY h.unit_id ORDER BY h.cycle DESC, h.assessed_on DESC, h.created_at DESC) AS position
              FROM units u JOIN unit_star_history h ON h.unit_id = u.id
             WHERE u.in_scope = 1 AND h.cycle <= :cycle
               AND (h.assessment_id IS NULL OR NOT EXISTS (
                     SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))))
     WHERE position = 1
  )
  SELECT u.district_code AS district, u.kind AS kind, count(*) AS inScope,
         coalesce(sum(l.stars >= 1 AND l.cycle >= :cycle - 1), 0) AS starred
    FROM units u LEFT JOIN latest l ON l.unit_id = u.id
   WHERE u.in_scope = 1
   GROUP BY u.district_code, u.kind`;

function fromHistory(db: Database, cycle: number): Record<string, string> {
  const rows = db.prepare(coverageFromHistorySql).all({ cycle }) as { district: string; kind: string; inScope: number; starred: number }[];
  return Object.fromEntries(rows.map((row) => [`${row.district} ${row.kind}`, `${row.starred}/${row.inScope}`]));
}

function fromStarsByCycle(db: Database, cycle: number): Record<string, string> {
  const entries: [string, string][] = [];
  for (const [district, coverage] of coverageByDistrict(db, cycle)) {
    for (const [kind, counts] of Object.entries(coverage.byKind)) {
      if (counts.inScopeUnits > 0) entries.push([`${district} ${kind}`, `${counts.starredUnits}/${counts.inScopeUnits}`]);
    }
  }
  return Object.fromEntries(entries);
}

function storedRows(db: Database): unknown[] {
  return db.prepare('SELECT * FROM unit_stars_by_cycle ORDER BY unit_id, cycle').all();
}

/** The counts the triggers keep, without the rows they brought down to 0. */
function storedCounts(db: Database): unknown[] {
  return [
    ...db.prepare('SELECT district_code, kind, in_scope_units FROM unit_scope_counts WHERE in_scope_units > 0 ORDER BY 1, 2').all(),
    ...db.prepare('SELECT cycle, district_code, kind, starred_units FROM unit_starred_counts WHERE starred_units > 0 ORDER BY 1, 2, 3').all(),
  ];
}

describe('stars held by cycle', () => {
  let core: Core;
  let db: Database;
  beforeAll(async () => {
    core = await testCore();
    db = core.services.db;
    const loaded = await core.dispatcher.dispatch('demo.load', { units: 300 }, anyone);
    expect(loaded.ok).toBe(true);
    const clock = () => new Date('2026-11-25T10:00:00');
    const leader = contextOf(core, leaderActor, clock);
    const inspector = contextOf(core, inspectorActor, clock);
    // A correction that changes the stars: the superseded decision stops counting.
    const signed = db.prepare("SELECT id FROM assessments WHERE status = 'signed' AND awarded_stars <= 1 ORDER BY id LIMIT 2").pluck().all() as string[];
    for (const id of signed) {
      const correction = supersedeAssessment(leader, id, '复核更正 / corrected on review');
      submitAssessment(inspector, { id: correction.id, answers: fullAnswers(getAssessment(inspector, correction.id).form) });
      expect(signAssessment(leader, correction.id).awardedStars).toBeGreaterThan(0);
    }
    // Units that move district, change kind, or leave the scheme: their held stars move with them.
    const starred = db.prepare('SELECT DISTINCT unit_id FROM unit_stars_by_cycle WHERE stars >= 1 ORDER BY unit_id LIMIT 3').pluck().all() as string[];
    const edits: ((unit: Unit) => Partial<UnitFacts>)[] = [
      (unit) => ({ districtCode: unit.districtCode === '420102' ? '420103' : '420102', streetId: null }),
      (unit) => ({ kind: unit.kind === 'institution' ? 'enterprise' : 'institution', industry: null, households: null }),
      () => ({ inScope: false }),
    ];
    starred.forEach((unitId, index) => {
      const unit = getUnitRow(db, unitId);
      const facts = { name: unit.name, kind: unit.kind, industry: unit.industry, districtCode: unit.districtCode, streetId: unit.streetId, address: unit.address, uscc: unit.uscc, households: unit.households, contact: unit.contact, phone: unit.phone, inScope: unit.inScope };
      const edit = edits[index] as (unit: Unit) => Partial<UnitFacts>;
      db.transaction(() => updateUnitFacts(db, unitId, { ...facts, ...edit(unit) }, '2026-11-25T10:00:00.000Z')).immediate();
    });
  }, 120_000);

  it('counts every cycle’s coverage exactly as the whole history did', () => {
    const superseded = db.prepare("SELECT count(*) FROM assessments WHERE supersedes_id IS NOT NULL AND status = 'signed'").pluck().get();
    expect(superseded).toBe(2);
    for (let cycle = 2021; cycle <= 2028; cycle += 1) expect(fromStarsByCycle(db, cycle), `cycle ${cycle}`).toEqual(fromHistory(db, cycle));
    // The demo's coverage is not trivial: some units starred, some not, in the cycles it assessed.
    const newest = Object.values(fromHistory(db, 2026)).map((text) => text.split('/').map(Number) as [number, number]);
    expect(newest.some(([starred, inScope]) => starred > 0 && starred < inScope)).toBe(true);
  });

  it('keeps a row for every cycle a unit holds a star in, and no other', () => {
    const expected = db
      .prepare(
        `SELECT count(*) FROM (SELECT DISTINCT unit_id, cycle FROM unit_star_history
                               UNION SELECT DISTINCT unit_id, cycle + 1 FROM unit_star_history)`,
      )
      .pluck()
      .get();
    expect(db.prepare('SELECT count(*) FROM unit_stars_by_cycle').pluck().get()).toBe(expected);
    const mismatched = db.prepare('SELECT count(*) FROM unit_stars_by_cycle s JOIN units u ON u.id = s.unit_id WHERE s.district_code <> u.district_code OR s.kind <> u.kind OR s.in_scope <> u.in_scope').pluck().get();
    expect(mismatched).toBe(0);
  });

  it('fills the table and the counts on migration exactly as star-history.ts and the triggers keep them', () => {
    const kept = storedRows(db);
    const counts = storedCounts(db);
    expect(kept.length).toBeGreaterThan(300);
    db.transaction(() => {
      db.exec(`DROP TABLE unit_stars_by_cycle; DROP TABLE unit_scope_counts; DROP TABLE unit_starred_counts; DROP INDEX units_scope_district_kind; DROP INDEX unit_star_history_cycle;
               DROP TRIGGER unit_stars_by_cycle_follow_unit; DROP TRIGGER unit_scope_counts_insert; DROP TRIGGER unit_scope_counts_update; DROP TRIGGER unit_scope_counts_delete`);
      migration0017.up(db);
    }).immediate();
    expect(storedRows(db)).toEqual(kept);
    expect(storedCounts(db)).toEqual(counts);
  });

  it('answers with the stars a signed correction gave, not the ones it replaced', () => {
    const corrected = db.prepare("SELECT a.unit_id AS unitId, a.cycle, a.awarded_stars AS stars FROM assessments a WHERE a.supersedes_id IS NOT NULL AND a.status = 'signed' ORDER BY a.id LIMIT 1").get() as { unitId: string; cycle: number; stars: number };
    const held = db.prepare('SELECT stars, awarded_cycle AS awardedCycle FROM unit_stars_by_cycle WHERE unit_id = ? AND cycle = ?').get(corrected.unitId, corrected.cycle);
    expect(held).toEqual({ stars: corrected.stars, awardedCycle: corrected.cycle });
  });
});
