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

/** Cycles a star stays valid after the one it was awarded in. */
export const starValidCycles = 1;

/**
 * One row per (district, kind) with in-scope units. The window keeps, per unit, its latest
 * history row in force up to the cycle. With a district, the units of that district drive the
 * query (through its index) so one district costs a fifteenth of the city.
 */
function coverageQuery(forDistrict: boolean): string {
  const district = forDistrict ? 'AND u.district_code = :district' : '';
  return `
  WITH latest AS (
    SELECT unit_id, stars, cycle
      FROM (SELECT h.unit_id, h.stars, h.cycle,
                   row_number() OVER (PARTITION BY h.unit_id ORDER BY h.cycle DESC, h.assessed_on DESC, h.created_at DESC) AS position
              FROM units u JOIN unit_star_history h ON h.unit_id = u.id
             WHERE u.in_scope = 1 ${district} AND h.cycle <= :cycle
               AND (h.assessment_id IS NULL OR NOT EXISTS (
                     SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final'))))
     WHERE position = 1
  )
  SELECT u.district_code AS district, u.kind AS kind, count(*) AS inScope,
         coalesce(sum(l.stars >= 1 AND l.cycle >= :cycle - ${starValidCycles}), 0) AS starred
    FROM units u LEFT JOIN latest l ON l.unit_id = u.id
   WHERE u.in_scope = 1 ${district}
   GROUP BY u.district_code, u.kind`;
}

/** The city-wide coverage query (also the benchmark's raw SQL baseline); named parameter :cycle. */
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
  const rows = (district === null ? db.prepare(coverageSql).all({ cycle }) : db.prepare(districtCoverageSql).all({ cycle, district })) as CoverageRow[];
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
