/** The registry facts an import checks rows against, as prepared statements over one connection. */
import type { Database } from 'better-sqlite3';
import { createDistrictMatcher } from '@shared/domain/districts';
import type { ExistingUnit, RegistryLookups } from './validate-rows';
import { paperContradiction } from '../assessments/history-rules';
import type { PaperContradiction, PaperStars } from '../assessments/history-rules';
import { loadPack, packRefForCycle } from '../assessments/scoring-port';
import { historyInForce } from '../assessments/star-history';
import { lockoutEndsOn } from '../scoring/index';
import { loadDistrictRefs } from '../units/districts';

/** Why paper stars contradict a unit's history in force (the lockout of the pack in force for the veto's cycle). */
function paperContradictionOf(db: Database): (unitId: string, paper: PaperStars) => PaperContradiction | null {
  return (unitId, paper) =>
    paperContradiction(historyInForce(db, unitId), paper, (vetoOn) => lockoutEndsOn(vetoOn, loadPack(db, packRefForCycle(db, Number(vetoOn.slice(0, 4)))).pack.decision.vetoLockoutMonths));
}

export function registryLookups(db: Database, today?: string): RegistryLookups {
  const matchDistrict = createDistrictMatcher(loadDistrictRefs(db));
  const byUscc = db.prepare('SELECT name, district_code AS districtCode FROM units WHERE uscc = ?');
  const byName = db.prepare('SELECT 1 FROM units WHERE district_code = ? AND name = ?').pluck();
  const facts = `SELECT u.id, u.name, u.kind, u.industry, u.district_code AS districtCode, s.name AS street, u.address, u.uscc, u.households, u.contact, u.phone
    FROM units u LEFT JOIN streets s ON s.id = u.street_id`;
  const unitOfUscc = db.prepare(`${facts} WHERE u.uscc = ?`);
  const unitOfName = db.prepare(`${facts} WHERE u.district_code = ? AND u.name = ?`);
  return {
    findUnit: (uscc, districtCode, name) =>
      ((uscc === null ? undefined : unitOfUscc.get(uscc)) ?? unitOfName.get(districtCode, name)) as ExistingUnit | undefined,
    matchDistrict,
    unitByUscc: (uscc) => byUscc.get(uscc) as { name: string; districtCode: string } | undefined,
    unitExists: (districtCode, name) => byName.get(districtCode, name) !== undefined,
    paperContradiction: paperContradictionOf(db),
    ...(today !== undefined ? { today } : {}),
  };
}

/**
 * The same facts for checking a whole file: every unit's USCC and district+name read once into
 * memory (~0.1 s at 100,000 units) instead of two queries per row (~0.3 s per 100,000 rows).
 * Update mode still looks each matched unit's facts up by statement.
 */
export function bulkRegistryLookups(db: Database, today?: string): RegistryLookups {
  const single = registryLookups(db, today);
  const usccHolders = new Map<string, { name: string; districtCode: string }>();
  const names = new Set<string>();
  for (const row of db.prepare('SELECT name, district_code AS districtCode, uscc FROM units').iterate() as Iterable<{ name: string; districtCode: string; uscc: string | null }>) {
    names.add(`${row.districtCode}\u0000${row.name}`);
    if (row.uscc !== null) usccHolders.set(row.uscc, { name: row.name, districtCode: row.districtCode });
  }
  return {
    ...single,
    unitByUscc: (uscc) => usccHolders.get(uscc),
    unitExists: (districtCode, name) => names.has(`${districtCode}\u0000${name}`),
  };
}
