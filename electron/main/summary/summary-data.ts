/**
 * What a district summary shows, gathered in one place: the dashboard figures, last cycle's
 * decision, the units with their stars and scores, and the units whose stars changed this cycle.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { DistrictDashboard } from '@shared/api/procedures/ding';
import type { DingRow } from '@shared/domain/ding-evaluation';
import type { UnitKind } from '@shared/domain/unit-kinds';
import { dingTable } from '../ding/ding-table';
import { districtDashboard } from '../ding/district-dashboard';
import { unitExportRows } from '../exports/units-export';
import type { UnitExportRow } from '../exports/units-export';

export interface StarChange {
  name: string;
  kind: UnitKind;
  previousStars: number;
  stars: number;
  vetoed: boolean;
}

export interface DistrictSummaryData {
  dashboard: DistrictDashboard;
  /** Districts with a composite this cycle (the rank is out of these). */
  evaluatedDistricts: number;
  lastCycle: DingRow | null;
  units: UnitExportRow[];
  changes: StarChange[];
}

export function districtSummaryData(db: Database, district: string, cycle: number, today: string): DistrictSummaryData {
  const table = dingTable(db, cycle);
  const dashboard = districtDashboard(db, district, cycle, today, table, { nearest: false });
  const row = dashboard.row;
  if (!row.evaluated) {
    throw new DxError('CONFLICT', `${row.name} ${cycle} 年度还没有区县考评数据，不能生成总结报告；请先录入（dingxing ding inputs import FILE.json）(${row.nameEn} has no district inputs for ${cycle}: no summary; record them first)`, { district: row.district, cycle, reason: 'no-inputs' });
  }
  const last = dingTable(db, cycle - 1, row.district).rows[0] ?? null;
  const changes = db
    .prepare(
      `SELECT u.name, u.kind, h.previous_stars AS previousStars, h.stars, h.vetoed
         FROM unit_star_history h JOIN units u ON u.id = h.unit_id
        WHERE u.district_code = ? AND h.cycle = ? AND (h.stars <> h.previous_stars OR h.vetoed = 1)
          AND (h.assessment_id IS NULL OR NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = h.assessment_id AND c.status IN ('signed', 'final')))
        ORDER BY h.stars - h.previous_stars DESC, u.name`,
    )
    .all(row.district, cycle) as (Omit<StarChange, 'vetoed'> & { vetoed: number })[];
  return {
    dashboard,
    evaluatedDistricts: table.rows.filter((entry) => entry.composite !== null).length,
    lastCycle: last?.evaluated ? last : null,
    units: [...unitExportRows(db, { district: row.district })].filter((unit) => unit.inScope === 1),
    changes: changes.map((change) => ({ ...change, vetoed: change.vetoed === 1 })),
  };
}
