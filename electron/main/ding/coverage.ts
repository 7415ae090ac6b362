/**
 * Star coverage from the database (docs/domain.md): in-scope units holding a valid star ≥ 1 in the
 * cycle, per district and unit kind. A unit's star is the latest decision in force (a superseded
 * assessment no longer counts) recorded in that cycle or before; it is valid in the cycle it was
 * awarded and the next (a certificate is valid to the end of the next cycle), so a unit last rated
 * two cycles ago holds no valid star.
 */
import type { Database } from 'better-sqlite3';
import type { UnitKind } from '@shared/domain/unit-kinds';
import { isUnitKind } from '@shared/domain/unit-kinds';
import type { DistrictCoverage } from './evaluate-district';
import { emptyKindCoverage } from './evaluate-district';
import { prepared } from '../db/statements';

/**
 * One row per (district, kind) with in-scope units, from the counts migration 0016's triggers
 * keep beside the units and the stars each unit holds by cycle: a few hundred rows however many
 * units and assessments there are.
 */
function coverageQuery(forDistrict: boolean): string {
  const district = forDistrict ? 'AND scope.district_code = :district' : '';
  return `
  SELECT scope.district_code AS district, scope.kind, scope.in_scope_units AS inScope, coalesce(held.starred_units, 0) AS starred
    FROM unit_scope_counts scope
    LEFT JOIN unit_starred_counts held ON held.cycle = :cycle AND held.district_code = scope.district_code AND held.kind = scope.kind
   WHERE scope.in_scope_units > 0 ${district}`;
}

/** The city-wide coverage query; named parameter :cycle. */
export const coverageSql = coverageQuery(false);
/** The same for one district; named parameters :cycle and :district. */
export const districtCoverageSql = coverageQuery(true);

interface CoverageRow {
  district: string;
  kind: string;
  inScope: number;
  starred: number;
}

function emptyCoverage(): DistrictCoverage {
  return { total: { inScopeUnits: 0, starredUnits: 0 }, byKind: emptyKindCoverage() };
}

/** Coverage of every district (or one) in `cycle`, keyed by district code; districts without units are absent. */
export function coverageByDistrict(db: Database, cycle: number, district: string | null = null): Map<string, DistrictCoverage> {
  const rows = (district === null ? prepared(db, coverageSql).all({ cycle }) : prepared(db, districtCoverageSql).all({ cycle, district })) as CoverageRow[];
  const result = new Map<string, DistrictCoverage>();
  for (const row of rows) {
    let coverage = result.get(row.district);
    if (!coverage) {
      coverage = emptyCoverage();
      result.set(row.district, coverage);
    }
    coverage.total.inScopeUnits += row.inScope;
    coverage.total.starredUnits += row.starred;
    if (isUnitKind(row.kind)) coverage.byKind[row.kind as UnitKind] = { inScopeUnits: row.inScope, starredUnits: row.starred };
  }
  return result;
}

export function coverageOf(map: Map<string, DistrictCoverage>, district: string): DistrictCoverage {
  return map.get(district) ?? emptyCoverage();
}
