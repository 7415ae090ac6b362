/**
 * The units list as a spreadsheet: the same filters as the list screen and `units list`, every
 * match (not a page), with stars and the total of the unit's latest signed assessment.
 */
import type { Database } from 'better-sqlite3';
import type { UnitListInput } from '@shared/api/procedures/units';
import { industryLabels, unitKindLabels } from '@shared/domain/unit-kinds';
import type { Industry, UnitKind } from '@shared/domain/unit-kinds';
import { unitFilter } from '../units/unit-queries';
import type { XlsxColumn, XlsxSheet } from './xlsx-writer';

export interface UnitExportRow {
  name: string;
  uscc: string | null;
  districtName: string;
  kind: UnitKind;
  industry: Industry | null;
  street: string | null;
  address: string | null;
  inScope: number;
  stars: number;
  lastAssessedOn: string | null;
  lastTotal: number | null;
  lastCycle: number | null;
  contact: string | null;
  phone: string | null;
}

export type UnitExportFilter = Omit<UnitListInput, 'offset' | 'limit' | 'sort' | 'order'>;

/** The unit's latest signed/final assessment in force, as `column`: from assessments_unit_signed (migration 0017), never the row. */
const latestSigned = (column: 'total' | 'cycle') => `(
  SELECT x.${column} FROM assessments x WHERE x.unit_id = u.id AND x.status IN ('signed', 'final')
     AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
   ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1)`;

export function unitExportRows(db: Database, filter: UnitExportFilter): Iterable<UnitExportRow> {
  const { where, params } = unitFilter(filter);
  return db
    .prepare(
      `SELECT u.name, u.uscc, d.name AS districtName, u.kind, u.industry, s.name AS street, u.address, u.in_scope AS inScope,
              u.current_stars AS stars, u.last_assessed_on AS lastAssessedOn, ${latestSigned('total')} AS lastTotal, ${latestSigned('cycle')} AS lastCycle, u.contact, u.phone
         FROM units u
         JOIN districts d ON d.code = u.district_code
         LEFT JOIN streets s ON s.id = u.street_id
         ${where}
        ORDER BY d.sort, u.name, u.id`,
    )
    .iterate(...params) as Iterable<UnitExportRow>;
}

export const unitExportColumns: XlsxColumn<UnitExportRow>[] = [
  { header: '单位名称', width: 36, value: (row) => row.name },
  { header: '统一社会信用代码', width: 22, value: (row) => row.uscc },
  { header: '所属区', width: 18, value: (row) => row.districtName },
  { header: '单位类型', width: 14, value: (row) => unitKindLabels[row.kind].zh },
  { header: '行业', width: 8, value: (row) => (row.industry ? industryLabels[row.industry].zh : null) },
  { header: '街道', width: 14, value: (row) => row.street },
  { header: '地址', width: 30, value: (row) => row.address },
  { header: '是否参评', width: 10, value: (row) => (row.inScope === 1 ? '是' : '否') },
  { header: '当前星级', width: 10, value: (row) => row.stars },
  { header: '最近评定年度', width: 12, value: (row) => row.lastCycle },
  { header: '最近评定日期', width: 14, value: (row) => row.lastAssessedOn, date: true },
  { header: '最近评定得分', width: 12, value: (row) => row.lastTotal, numFmt: '0.00' },
  { header: '联系人', width: 10, value: (row) => row.contact },
  { header: '联系电话', width: 16, value: (row) => row.phone },
];

export function unitsSheet(db: Database, filter: UnitExportFilter): XlsxSheet<UnitExportRow> {
  return { name: '单位名单', columns: unitExportColumns, rows: unitExportRows(db, filter) };
}
