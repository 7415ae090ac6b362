/**
 * The one module that writes rows of `units` and `streets`. Every path that adds or changes a
 * unit (the form, a file import, an assessment import, the demo, a star change) goes through
 * these functions, so a rule about what a unit row may hold has one home. Callers check their
 * input and open the write transaction; this module only writes.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../assessments/statements';
import { newId } from '../ids';
import { nameSortKey } from './name-sort-key';

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
}

/** The facts a person may change on a unit (not its stars). */
export type UnitFacts = Omit<NewUnitRow, 'id' | 'workstationId' | 'createdAt'>;

const insertSql = `INSERT INTO units (id, workstation_id, name, name_sort, kind, industry, district_code, street_id, address, uscc, households, contact, phone, in_scope, created_at, updated_at)
  VALUES (@id, @workstationId, @name, @nameSort, @kind, @industry, @districtCode, @streetId, @address, @uscc, @households, @contact, @phone, @inScope, @createdAt, @createdAt)`;

export function insertUnit(db: Database, row: NewUnitRow): void {
  prepared(db, insertSql).run({ ...row, nameSort: nameSortKey(row.name), inScope: row.inScope ? 1 : 0 });
}

export function updateUnitFacts(db: Database, id: string, facts: UnitFacts, updatedAt: string): void {
  prepared(
    db,
    `UPDATE units SET name = @name, name_sort = @nameSort, kind = @kind, industry = @industry, district_code = @districtCode, street_id = @streetId,
       address = @address, uscc = @uscc, households = @households, contact = @contact, phone = @phone, in_scope = @inScope,
       updated_at = @updatedAt WHERE id = @id`,
  ).run({ ...facts, nameSort: nameSortKey(facts.name), inScope: facts.inScope ? 1 : 0, updatedAt, id });
}

/** The unit's stars as its assessment history now says (star-history.ts decides them). */
export function setUnitStars(db: Database, id: string, stars: { current: number; lastAssessedOn: string | null; lastVetoOn: string | null }, updatedAt: string): void {
  prepared(db, 'UPDATE units SET current_stars = ?, last_assessed_on = ?, last_veto_on = ?, updated_at = ? WHERE id = ?').run(
    stars.current,
    stars.lastAssessedOn,
    stars.lastVetoOn,
    updatedAt,
    id,
  );
}

/** The street's id in the district, created when it is new. */
export function ensureStreet(db: Database, districtCode: string, name: string): { id: string; created: boolean } {
  const existing = prepared(db, 'SELECT id FROM streets WHERE district_code = ? AND name = ?').get(districtCode, name) as { id: string } | undefined;
  if (existing !== undefined) return { id: existing.id, created: false };
  const id = newId();
  prepared(db, 'INSERT INTO streets (id, district_code, name) VALUES (?, ?, ?)').run(id, districtCode, name);
  return { id, created: true };
}
