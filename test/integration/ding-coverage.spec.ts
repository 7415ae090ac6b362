// Star coverage from a seeded database: which units hold a valid star ≥ 1 in a cycle.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { coverageByDistrict, coverageOf } from '../../electron/main/ding/coverage';
import { newId } from '../../electron/main/platform/ids';
import { refreshUnitStars } from '../../electron/main/assessments/star-history';
import { testCore } from '../helpers/core';

function seed(db: Database) {
  const stamp = '2026-01-01T00:00:00.000Z';
  const addUnit = (name: string, kind: string, district = '420105', inScope = 1) => {
    const id = newId();
    db.prepare(`INSERT INTO units (id, workstation_id, name, kind, district_code, in_scope, created_at, updated_at) VALUES (?, 'ws', ?, ?, ?, ?, ?, ?)`).run(id, name, kind, district, inScope, stamp, stamp);
    return id;
  };
  const addHistory = (unitId: string, cycle: number, stars: number, assessedOn: string, assessmentId: string | null = null) => {
    db.prepare(`INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, created_at) VALUES (?, ?, ?, ?, 0, ?, ?, 0, 'threshold', ?)`).run(newId(), unitId, cycle, stars, assessedOn, assessmentId, stamp);
  };
  const addAssessment = (unitId: string, cycle: number, supersedes: string | null = null) => {
    const id = newId();
    db.prepare(
      `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, status, result, awarded_stars, signed_at, supersedes_id, supersede_reason, created_at, updated_at)
       VALUES (?, 'ws', ?, ?, ?, 'wuhan-star@2026.1', 'final', '{}', 0, ?, ?, ?, ?, ?)`,
    ).run(id, unitId, cycle, `${cycle}-06-01`, stamp, supersedes, supersedes ? '更正' : null, stamp, stamp);
    return id;
  };

  addHistory(addUnit('今年三星企业', 'enterprise'), 2026, 3, '2026-05-01');
  addHistory(addUnit('去年二星社区', 'community'), 2025, 2, '2025-05-01'); // valid to the end of 2026
  addHistory(addUnit('前年四星企业', 'enterprise'), 2024, 4, '2024-05-01'); // expired
  const vetoed = addUnit('今年否决企业', 'enterprise');
  addHistory(vetoed, 2025, 3, '2025-05-01');
  addHistory(vetoed, 2026, 0, '2026-03-01'); // latest decision: no stars
  addUnit('从未评定的村', 'village');
  addHistory(addUnit('不参评的机关', 'institution', '420105', 0), 2026, 5, '2026-05-01'); // out of scope
  const corrected = addUnit('更正为零星的企业', 'enterprise');
  const original = addAssessment(corrected, 2026);
  addHistory(corrected, 2026, 0, '2026-06-01', original);
  // The signed correction supersedes the 0-star assessment; only its row counts.
  const correction = addAssessment(corrected, 2026, original);
  addHistory(corrected, 2026, 2, '2026-06-01', correction);
  const later = addUnit('明年才评的企业', 'enterprise');
  addHistory(later, 2027, 5, '2027-05-01'); // after the cycle asked for
  addHistory(addUnit('江岸一星社区', 'community', '420102'), 2026, 1, '2026-05-01');
  // What star-history.ts does after every change of a unit's history: its stars by cycle follow.
  for (const unitId of db.prepare('SELECT id FROM units').pluck().all() as string[]) refreshUnitStars(db, unitId, stamp);
}

describe('Ding coverage from the database', () => {
  it('counts in-scope units with a valid star ≥ 1, per district and unit kind', async () => {
    const core = await testCore();
    const db = core.services.db;
    seed(db);
    const hanyang = coverageOf(coverageByDistrict(db, 2026), '420105');
    expect(hanyang.total).toEqual({ inScopeUnits: 7, starredUnits: 3 });
    expect(hanyang.byKind.enterprise).toEqual({ inScopeUnits: 5, starredUnits: 2 });
    expect(hanyang.byKind.community).toEqual({ inScopeUnits: 1, starredUnits: 1 });
    expect(hanyang.byKind.village).toEqual({ inScopeUnits: 1, starredUnits: 0 });
    expect(hanyang.byKind.institution).toEqual({ inScopeUnits: 0, starredUnits: 0 });
    expect(coverageOf(coverageByDistrict(db, 2026), '420102').total).toEqual({ inScopeUnits: 1, starredUnits: 1 });
  });

  it('looks at the stars held in an earlier cycle as they were then', async () => {
    const core = await testCore();
    seed(core.services.db);
    // 2025: the community's 2 stars, the vetoed unit's 3 stars (not yet vetoed), the 2024 four stars still valid.
    expect(coverageOf(coverageByDistrict(core.services.db, 2025), '420105').total).toEqual({ inScopeUnits: 7, starredUnits: 3 });
  });

  it('limits the query to one district when asked', async () => {
    const core = await testCore();
    seed(core.services.db);
    expect([...coverageByDistrict(core.services.db, 2026, '420102').keys()]).toEqual(['420102']);
  });
});
