/**
 * Star coverage from the database (docs/ding.md): in-scope units holding a valid star ≥ 1 in the
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
import { prepared } from '../assessments/statements';

/**
 * One row per (district, kind) with in-scope units: in-scope units counted from the units (an
 * index holds in_scope, district and kind), starred ones from the stars each unit holds in the
 * cycle (unit_stars_by_cycle, kept by star-history.ts), so neither reads the history. With a
 * district, both read only that district's part of their index.
 */
function coverageQuery(forDistrict: boolean): string {
  const district = forDistrict ? 'AND district_code = :district' : '';
  return `
  SELECT scope.district, scope.kind, scope.inScope, coalesce(held.starred, 0) AS starred
    FROM (SELECT district_code AS district, kind, count(*) AS inScope
            FROM units WHERE in_scope = 1 ${district} GROUP BY district_code, kind) scope
    LEFT JOIN (SELECT district_code AS district, kind, count(*) AS starred
                 FROM unit_stars_by_cycle WHERE cycle = :cycle AND in_scope = 1 ${district} AND stars >= 1
                GROUP BY district_code, kind) held
      ON held.district = scope.district AND held.kind = scope.kind`;
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
