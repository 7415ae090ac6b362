/** Reading the registry: districts with counts, a filtered and sorted page of units, one unit with its star history. */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { District, Unit, UnitListInputSchema } from '@shared/api/procedures/units';
import type { Industry, UnitKind } from '@shared/domain/unit-kinds';
import type { z } from 'zod';

type ListInput = z.output<typeof UnitListInputSchema>;

interface UnitRow {
  id: string;
  workstation_id: string;
  name: string;
  kind: UnitKind;
  industry: Industry | null;
  district_code: string;
  district_name: string;
  street_id: string | null;
  street_name: string | null;
  address: string | null;
  uscc: string | null;
  households: number | null;
  contact: string | null;
  phone: string | null;
  in_scope: number;
  current_stars: number;
  last_assessed_on: string | null;
  last_veto_on: string | null;
  created_at: string;
  updated_at: string;
}

export const unitSelect = `
  SELECT u.*, d.name AS district_name, s.name AS street_name
  FROM units u
  JOIN districts d ON d.code = u.district_code
  LEFT JOIN streets s ON s.id = u.street_id`;

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    workstationId: row.workstation_id,
    name: row.name,
    kind: row.kind,
    industry: row.industry,
    districtCode: row.district_code,
    districtName: row.district_name,
    streetId: row.street_id,
    street: row.street_name,
    address: row.address,
    uscc: row.uscc,
    households: row.households,
    contact: row.contact,
    phone: row.phone,
    inScope: row.in_scope === 1,
    currentStars: row.current_stars,
    lastAssessedOn: row.last_assessed_on,
    lastVetoOn: row.last_veto_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listDistricts(db: Database): District[] {
  return db
    .prepare(
      `SELECT d.code, d.name, d.name_en AS nameEn, d.kind, d.sort,
              (SELECT count(*) FROM units u WHERE u.district_code = d.code) AS unitCount
       FROM districts d ORDER BY d.sort, d.code`,
    )
    .all() as District[];
}

const orderBy: Record<ListInput['sort'], string> = {
  // Pinyin order (name-sort-key.ts), as a person looks a name up.
  name: 'u.name_sort',
  district: 'd.sort',
  kind: 'u.kind',
  stars: 'u.current_stars',
  lastAssessedOn: 'u.last_assessed_on',
  updatedAt: 'u.updated_at',
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The WHERE clause and its parameters for the list filters (shared by the page and its count). */
export function unitFilter(input: Omit<ListInput, 'offset' | 'limit' | 'sort' | 'order'>): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (input.district !== undefined) {
    clauses.push('u.district_code = ?');
    params.push(input.district.toUpperCase());
  }
  if (input.kind !== undefined) {
    clauses.push('u.kind = ?');
    params.push(input.kind);
  }
  if (input.industry === 'none') clauses.push('u.industry IS NULL');
  else if (input.industry !== undefined) {
    clauses.push('u.industry = ?');
    params.push(input.industry);
  }
  if (input.stars !== undefined) {
    clauses.push('u.current_stars = ?');
    params.push(input.stars);
  }
  const search = input.search?.trim();
  if (search) {
    clauses.push("(u.name LIKE ? ESCAPE '\\' OR u.uscc LIKE ? ESCAPE '\\')");
    params.push(`%${escapeLike(search)}%`, `${escapeLike(search.toUpperCase())}%`);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

interface Segment {
  count: number;
  /** `limit` rowids of the segment from `offset`, in the list's order. */
  rowids(offset: number, limit: number): number[];
}

/** The rowids of one page of a list made of ordered segments (a district after another, dated units before undated ones). */
function pageAcross(segments: readonly Segment[], offset: number, limit: number): number[] {
  const rowids: number[] = [];
  let skip = offset;
  for (const segment of segments) {
    if (rowids.length >= limit) break;
    if (skip >= segment.count) {
      skip -= segment.count;
      continue;
    }
    rowids.push(...segment.rowids(skip, limit - rowids.length));
    skip = 0;
  }
  return rowids;
}

/**
 * Sorts whose order an index cannot give in one piece, as segments each read from an index: by
 * district (districts in their order, each by name from UNIQUE (district_code, name)), and by the
 * last assessment (dated units by date, then undated ones by name, from (last_assessed_on, name, id)).
 */
function segmentsOf(db: Database, input: ListInput, where: string, params: unknown[], direction: 'ASC' | 'DESC'): Segment[] | null {
  const and = where === '' ? 'WHERE' : `${where} AND`;
  const rowidsOf = (sql: string, extra: unknown[]) => (offset: number, limit: number) =>
    (db.prepare(sql).all(...params, ...extra, limit, offset) as { rowid: number }[]).map((row) => row.rowid);
  if (input.sort === 'district') {
    const counts = new Map((db.prepare(`SELECT u.district_code AS code, count(*) AS n FROM units u ${where} GROUP BY u.district_code`).all(...params) as { code: string; n: number }[]).map((row) => [row.code, row.n]));
    const codes = db.prepare(`SELECT code FROM districts ORDER BY sort ${direction}, code ${direction}`).pluck().all() as string[];
    return codes.map((code) => ({
      count: counts.get(code) ?? 0,
      rowids: rowidsOf(`SELECT u.rowid FROM units u ${and} u.district_code = ? ORDER BY u.name ${direction}, u.id ${direction} LIMIT ? OFFSET ?`, [code]),
    }));
  }
  if (input.sort === 'lastAssessedOn') {
    const dated = db.prepare(`SELECT count(*) FROM units u ${and} u.last_assessed_on IS NOT NULL`).pluck().get(...params) as number;
    const undated = db.prepare(`SELECT count(*) FROM units u ${and} u.last_assessed_on IS NULL`).pluck().get(...params) as number;
    // Units never assessed come last either way.
    return [
      { count: dated, rowids: rowidsOf(`SELECT u.rowid FROM units u ${and} u.last_assessed_on IS NOT NULL ORDER BY u.last_assessed_on ${direction}, u.name ${direction}, u.id ${direction} LIMIT ? OFFSET ?`, []) },
      { count: undated, rowids: rowidsOf(`SELECT u.rowid FROM units u ${and} u.last_assessed_on IS NULL ORDER BY u.name ${direction}, u.id ${direction} LIMIT ? OFFSET ?`, []) },
    ];
  }
  return null;
}

export function listUnits(db: Database, input: ListInput): { total: number; offset: number; items: Unit[] } {
  const { where, params } = unitFilter(input);
  const direction = input.order === 'desc' ? 'DESC' : 'ASC';
  // Units never assessed sort last either way; the id makes paging stable among equal keys.
  const nulls = input.sort === 'lastAssessedOn' ? 'u.last_assessed_on IS NULL, ' : '';
  // Tie-breakers run in the same direction so an index such as (current_stars, name, id) serves
  // the whole ORDER BY; a mixed direction would sort all 100,000 rows for every page.
  const secondary = input.sort === 'name' ? '' : `, u.name ${direction}`;
  const order = `ORDER BY ${nulls}${orderBy[input.sort]} ${direction}${secondary}, u.id ${direction}`;
  const countQuery = () => db.prepare(`SELECT count(*) FROM units u ${where}`).pluck().get(...params) as number;
  if (input.search?.trim()) {
    // A text search scans every row whichever way it runs: count the matches in the same scan.
    const rows = db
      .prepare(`${unitSelect.replace('SELECT u.*', 'SELECT u.*, count(*) OVER () AS match_count')} ${where} ${order} LIMIT ? OFFSET ?`)
      .all(...params, input.limit, input.offset) as (UnitRow & { match_count: number })[];
    const total = rows[0]?.match_count ?? (input.offset > 0 ? countQuery() : 0);
    return { total, offset: input.offset, items: rows.map(toUnit) };
  }
  const segments = segmentsOf(db, input, where, params, direction);
  if (segments !== null) {
    const rowids = pageAcross(segments, input.offset, input.limit);
    const rows = db.prepare(`${unitSelect.replace('SELECT u.*', 'SELECT u.rowid AS unit_rowid, u.*')} WHERE u.rowid IN (SELECT value FROM json_each(?))`).all(JSON.stringify(rowids)) as (UnitRow & { unit_rowid: number })[];
    const byRowid = new Map(rows.map((row) => [row.unit_rowid, row]));
    return { total: segments.reduce((sum, segment) => sum + segment.count, 0), offset: input.offset, items: rowids.map((rowid) => toUnit(byRowid.get(rowid) as UnitRow)) };
  }
  // Find the page's rows first, inside the sort index, and join only those 50: a deep OFFSET
  // then skips index entries, not joined rows.
  const page = `SELECT u.rowid FROM units u ${where} ${order} LIMIT ? OFFSET ?`;
  const rows = db.prepare(`${unitSelect} WHERE u.rowid IN (${page}) ${order}`).all(...params, input.limit, input.offset) as UnitRow[];
  return { total: countQuery(), offset: input.offset, items: rows.map(toUnit) };
}

export function getUnitRow(db: Database, id: string): Unit {
  const row = db.prepare(`${unitSelect} WHERE u.id = ?`).get(id) as UnitRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `没有编号为 ${id} 的单位 (no unit with id ${id})`);
  return toUnit(row);
}
