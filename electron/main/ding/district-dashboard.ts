/**
 * One district's dashboard figures: its Ding decision, stars by unit kind, coverage and grade
 * over the cycles, promotions/demotions/vetoes per cycle, open and overdue rectifications, and
 * the units nearest their next star (latest signed total just under the next threshold).
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { DistrictDashboard } from '@shared/api/procedures/ding';
import type { UnitKind } from '@shared/domain/unit-kinds';
import { defaultStarRubricRef } from '../rubric/default-packs';
import { getRubricPack } from '../rubric/pack-store';
import { dingTable } from './ding-table';
import type { DingTable } from './ding-table';
import { inputsHistory, knownCycles } from './inputs-store';

/**
 * The total of each unit's latest signed/final assessment that no signed correction supersedes,
 * for the district's units below five stars; read from assessments_unit_signed (migration 0017)
 * without the assessment rows.
 */
const latestTotalsSql = `
  SELECT u.id AS unitId, u.name, u.kind, u.current_stars AS stars,
         (SELECT x.total FROM assessments x WHERE x.unit_id = u.id AND x.status IN ('signed', 'final')
             AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
           ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1) AS total
    FROM units u
   WHERE u.district_code = ? AND u.in_scope = 1 AND u.current_stars < 5`;

const holdingRules = ['stepUp', 'condition', 'gate', 'veto', 'lockout'] as const;
type HoldingRule = (typeof holdingRules)[number];

/** The rule that kept a unit below the stars its total reaches; `threshold` (or nothing) means the stars are its own since. */
function heldByRule(decidedBy: string | null): HoldingRule | 'later' {
  return holdingRules.includes(decidedBy as HoldingRule) ? (decidedBy as HoldingRule) : 'later';
}

/** What decided the stars of that same latest assessment: asked only for units at or above their next threshold. */
const latestDecidedBySql = `
  SELECT x.decided_by FROM assessments x WHERE x.unit_id = ? AND x.status IN ('signed', 'final')
     AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
   ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1`;

const nearestCount = 10;
const chineseOrder = new Intl.Collator('zh');

/**
 * `table`: the cycle's whole table when the caller has it already (its ranks need every district;
 * read from the coverage counts, it costs no pass over the units). `nearest: false` leaves the
 * units nearest their next star out (the summary report, which does not list them).
 */
export function districtDashboard(db: Database, district: string, cycle: number, today: string, table: DingTable = dingTable(db, cycle), options: { nearest?: boolean } = {}): DistrictDashboard {
  const code = district.toUpperCase();
  const row = table.rows.find((entry) => entry.district === code);
  if (!row) throw new DxError('NOT_FOUND', `没有这个区县 ${district} (no district ${district})`, { district });

  const starsByKind = db
    .prepare('SELECT kind, current_stars AS stars, count(*) AS units FROM units WHERE district_code = ? AND in_scope = 1 GROUP BY kind, current_stars ORDER BY kind, current_stars')
    .all(code) as { kind: UnitKind; stars: number; units: number }[];

  const cycles = knownCycles(db).filter((known) => known <= cycle).slice(0, 6).reverse();
  const coverageByCycle = cycles.map((known) => {
    const entry = known === cycle ? row : dingTable(db, known, code).rows[0];
    return {
      cycle: known,
      inScopeUnits: entry?.inScopeUnits ?? 0,
      starredUnits: entry?.starredUnits ?? 0,
      coverage: entry?.coverage ?? 0,
      grade: entry?.evaluated ? entry.grade : null,
    };
  });

  const changes = db
    .prepare(
      `SELECT h.cycle, sum(h.stars > h.previous_stars) AS promotions, sum(h.stars < h.previous_stars) AS demotions, sum(h.vetoed) AS vetoes
         FROM unit_star_history h JOIN units u ON u.id = h.unit_id
        WHERE u.district_code = ? AND h.cycle <= ?
          AND (h.assessment_id IS NULL OR NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final')))
        GROUP BY h.cycle ORDER BY h.cycle`,
    )
    .all(code, cycle) as DistrictDashboard['changesByCycle'];

  // Driven by the district's units (one index probe each), not by every open rectification of the city.
  const rectifications = db
    .prepare(
      `SELECT count(r.unit_id) AS open, coalesce(sum(r.due_on < ?), 0) AS overdue
         FROM units u JOIN rectifications r INDEXED BY rectifications_unit_due ON r.unit_id = u.id AND r.status = 'open'
        WHERE u.district_code = ?`,
    )
    .get(today, code) as { open: number; overdue: number };

  const nearestNextStar = options.nearest === false ? [] : nearestUnits(db, code);
  return { cycle, row, starsByKind, coverageByCycle, changesByCycle: changes, rectifications, nearestNextStar, inputsHistory: inputsHistory(db, cycle, code) };
}

/** The ten units of the district closest to their next star by their latest signed total. */
function nearestUnits(db: Database, code: string): DistrictDashboard['nearestNextStar'] {
  const levels = [...getRubricPack(db, defaultStarRubricRef).pack.stars].sort((a, b) => a.stars - b.stars);
  const decidedBy = db.prepare(latestDecidedBySql).pluck();
  const nearestByGap = (db.prepare(latestTotalsSql).all(code) as { unitId: string; name: string; kind: UnitKind; stars: number; total: number | null }[])
    .flatMap((unit) => {
      if (unit.total === null) return [];
      const next = levels.find((level) => level.stars === unit.stars + 1);
      if (!next) return [];
      const gap = Math.round((next.min - unit.total) * 100) / 100;
      // At or above the threshold yet not promoted: a rule held the star back (逐级, a condition, a gate…), not points.
      const heldBy = gap <= 0 ? heldByRule((decidedBy.get(unit.unitId) as string | null | undefined) ?? null) : null;
      return [{ ...unit, total: unit.total, nextStars: next.stars, threshold: next.min, gap: Math.max(0, gap), heldBy }];
    })
    .sort((a, b) => a.gap - b.gap);
  // Names break ties in Chinese order; only the few rows that can reach the first ten are compared
  // that way (a collation per pair over a district's 10,000 units took longer than the queries).
  const tenthGap = nearestByGap[nearestCount - 1]?.gap ?? Number.POSITIVE_INFINITY;
  return nearestByGap
    .filter((unit) => unit.gap <= tenthGap)
    .sort((a, b) => a.gap - b.gap || chineseOrder.compare(a.name, b.name))
    .slice(0, nearestCount);
}
