/**
 * The one module that writes rows of `units` and `streets`. Every path that adds or changes a
 * unit (the form, a file import, an assessment import, the demo, a star change) goes through
 * these functions, so a rule about what a unit row may hold has one home. Callers check their
 * input and open the write transaction; this module only writes.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import { newId } from '../platform/ids';
import { nameSortKey } from './name-sort-key';

/** The stars a unit holds, as star-history.ts derives them from its assessment history. */
export interface UnitStars {
  current: number;
  lastAssessedOn: string | null;
  lastVetoOn: string | null;
}

/** A unit row as written when it is created. Stars start at 0; only assessments change them. */
export interface NewUnitRow {
  id: string;
  workstationId: string;
  name: string;
  kind: string;
  industry: string | null;
  districtCode: string;
  streetId: string | null;
  address: string | null;
  uscc: string | null;
  households: number | null;
  contact: string | null;
  phone: string | null;
  inScope: boolean;
  /** ISO time; also the first updated_at. */
  createdAt: string;
  /**
   * A unit arriving in a bundle starts with the stars its workstation derived, until
   * star-history.ts decides them from the history here, in the same transaction (most often
   * the same stars, so the row is not written twice).
   */
  stars?: UnitStars;
}

/** The facts a person may change on a unit (not its stars). */
export type UnitFacts = Omit<NewUnitRow, 'id' | 'workstationId' | 'createdAt' | 'stars'>;

// The row's columns, in the order of unitValues below.
const unitColumns = ['id', 'workstation_id', 'name', 'name_sort', 'kind', 'industry', 'district_code', 'street_id', 'address', 'uscc', 'households', 'contact', 'phone', 'in_scope', 'current_stars', 'last_assessed_on', 'last_veto_on', 'created_at', 'updated_at'];

function unitValues(row: NewUnitRow): (string | number | null)[] {
  const stars = row.stars;
  return [row.id, row.workstationId, row.name, nameSortKey(row.name), row.kind, row.industry, row.districtCode, row.streetId, row.address, row.uscc, row.households, row.contact, row.phone,
    row.inScope ? 1 : 0, stars?.current ?? 0, stars?.lastAssessedOn ?? null, stars?.lastVetoOn ?? null, row.createdAt, row.createdAt];
}

/** The INSERT of `rows` units, whose values are unitValues' row after row. */
function insertUnitsSql(rows: number): string {
  const tuple = `(${unitColumns.map(() => '?').join(', ')})`;
  return `INSERT INTO units (${unitColumns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`;
}

const insertUnitSql = insertUnitsSql(1);

/** Units one multi-row statement may insert: 500 rows of 19 columns stay well under SQLite's 32,766 parameters. */
export const unitsPerStatement = 500;

export function insertUnit(db: Database, row: NewUnitRow): void {
  prepared(db, insertUnitSql).run(unitValues(row));
}

/**
 * Inserts new units in one multi-row statement, as insertUnit would one by one. The units table
 * has twenty indexes and triggers: a statement touches some twenty pages already changed in the
 * transaction, whose statement journal then spills to a temporary file, once per statement
 * instead of once per unit. All or nothing: when one row is refused SQLite undoes the statement
 * and the error is thrown, as insertUnit throws it.
 */
export function insertUnits(db: Database, rows: readonly NewUnitRow[]): void {
  if (rows.length === 0) return;
  if (rows.length > unitsPerStatement) throw new RangeError(`insertUnits takes at most ${unitsPerStatement} units at a time, not ${rows.length}`);
  const values: (string | number | null)[] = [];
  for (const row of rows) values.push(...unitValues(row));
  const sql = insertUnitsSql(rows.length);
  // Only the full statement is kept: a shorter one (the last of a batch) is made once per use.
  (rows.length === unitsPerStatement ? prepared(db, sql) : db.prepare(sql)).run(values);
}

export function updateUnitFacts(db: Database, id: string, facts: UnitFacts, updatedAt: string): void {
  prepared(
    db,
    `UPDATE units SET name = @name, name_sort = @nameSort, kind = @kind, industry = @industry, district_code = @districtCode, street_id = @streetId,
       address = @address, uscc = @uscc, households = @households, contact = @contact, phone = @phone, in_scope = @inScope,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...facts, nameSort: nameSortKey(facts.name), inScope: facts.inScope ? 1 : 0, updatedAt, id });
}

/**
 * The unit's stars as its assessment history now says (star-history.ts decides them). A row that
 * holds them already is left alone, its three star indexes too: a bundle import refreshes
 * thousands of units whose stars arrived right.
 */
export function setUnitStars(db: Database, id: string, stars: UnitStars, updatedAt: string): void {
  prepared(
    db,
    `UPDATE units SET current_stars = @current, last_assessed_on = @lastAssessedOn, last_veto_on = @lastVetoOn, updated_at = @updatedAt
      WHERE id = @id AND (current_stars IS NOT @current OR last_assessed_on IS NOT @lastAssessedOn OR last_veto_on IS NOT @lastVetoOn)`,
  ).run({ ...stars, updatedAt, id });
}

/** The street's id in the district, created when it is new. */
export function ensureStreet(db: Database, districtCode: string, name: string): { id: string; created: boolean } {
  const existing = prepared(db, 'SELECT id FROM streets WHERE district_code = ? AND name = ?').get(districtCode, name) as { id: string } | undefined;
  if (existing !== undefined) return { id: existing.id, created: false };
  const id = newId();
  prepared(db, 'INSERT INTO streets (id, district_code, name) VALUES (?, ?, ?)').run(id, districtCode, name);
  return { id, created: true };
}
