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

/** Latest signed/final assessment of each unit of the district that no signed correction supersedes. */
const latestTotalsSql = `
  SELECT u.id AS unitId, u.name, u.kind, u.current_stars AS stars, a.total, a.decided_by AS decidedBy
    FROM units u
    JOIN assessments a ON a.id = (
      SELECT x.id FROM assessments x WHERE x.unit_id = u.id AND x.status IN ('signed', 'final')
         AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
       ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1)
   WHERE u.district_code = ? AND u.in_scope = 1 AND u.current_stars < 5 AND a.total IS NOT NULL`;

const holdingRules = ['stepUp', 'condition', 'gate', 'veto', 'lockout'] as const;
type HoldingRule = (typeof holdingRules)[number];

/** The rule that kept a unit below the stars its total reaches; `threshold` (or nothing) means the stars are its own since. */
function heldByRule(decidedBy: string | null): HoldingRule | 'later' {
  return holdingRules.includes(decidedBy as HoldingRule) ? (decidedBy as HoldingRule) : 'later';
}

/** `table`: the cycle's whole table when the caller has it already (its ranks need every district). */
export function districtDashboard(db: Database, district: string, cycle: number, today: string, table: DingTable = dingTable(db, cycle)): DistrictDashboard {
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

  const rectifications = db
    .prepare(
      `SELECT count(*) AS open, coalesce(sum(r.due_on < ?), 0) AS overdue
         FROM rectifications r JOIN units u ON u.id = r.unit_id
        WHERE u.district_code = ? AND r.status = 'open'`,
    )
    .get(today, code) as { open: number; overdue: number };

  const levels = [...getRubricPack(db, defaultStarRubricRef).pack.stars].sort((a, b) => a.stars - b.stars);
  const nearestNextStar = (db.prepare(latestTotalsSql).all(code) as { unitId: string; name: string; kind: UnitKind; stars: number; total: number; decidedBy: string | null }[])
    .flatMap(({ decidedBy, ...unit }) => {
      const next = levels.find((level) => level.stars === unit.stars + 1);
      if (!next) return [];
      const gap = Math.round((next.min - unit.total) * 100) / 100;
      // At or above the threshold yet not promoted: a rule held the star back (逐级, a condition, a gate…), not points.
      const heldBy = gap <= 0 ? heldByRule(decidedBy) : null;
      return [{ ...unit, nextStars: next.stars, threshold: next.min, gap: Math.max(0, gap), heldBy }];
    })
    .sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name, 'zh'))
    .slice(0, 10);

  return { cycle, row, starsByKind, coverageByCycle, changesByCycle: changes, rectifications, nearestNextStar, inputsHistory: inputsHistory(db, cycle, code) };
}
