/** Writes records in bundle form here: units through the unit store, the rest as replicas. */
import type { Database } from 'better-sqlite3';
import { ensureStreet, insertUnit, insertUnits, unitsPerStatement, updateUnitFacts } from '../units/unit-store';
import type { NewUnitRow, UnitFacts } from '../units/unit-store';
import type { Row, TrackedTable } from './record-rows';
import { insertReplica, insertReplicas, replicaBatchRows, updateReplica } from './replica-store';

function unitFacts(db: Database, row: Row): UnitFacts {
  const street = row.street as string | null;
  return {
    name: row.name as string,
    kind: row.kind as string,
    industry: row.industry as string | null,
    districtCode: row.district_code as string,
    streetId: street === null ? null : ensureStreet(db, row.district_code as string, street).id,
    address: row.address as string | null,
    uscc: row.uscc as string | null,
    households: row.households as number | null,
    contact: row.contact as string | null,
    phone: row.phone as string | null,
    inScope: row.in_scope === 1,
  };
}

function newUnitRow(db: Database, row: Row): NewUnitRow {
  const stars = { current: row.current_stars as number, lastAssessedOn: row.last_assessed_on as string | null, lastVetoOn: row.last_veto_on as string | null };
  return { id: row.id as string, workstationId: row.workstation_id as string, createdAt: row.created_at as string, ...unitFacts(db, row), stars };
}

export function insertRow(db: Database, table: TrackedTable, row: Row): void {
  if (table === 'units') insertUnit(db, newUnitRow(db, row));
  else insertReplica(db, table, row);
}

/** Rows insertRows takes at most. */
export const rowsPerInsert = Math.min(replicaBatchRows, unitsPerStatement);

/**
 * New rows of one table in one statement (at most rowsPerInsert): false, and none of them
 * written, when the database refuses any; the caller then writes them one by one to learn which.
 */
export function insertRows(db: Database, table: TrackedTable, rows: readonly Row[]): boolean {
  if (table !== 'units') return insertReplicas(db, table, rows);
  try {
    insertUnits(db, rows.map((row) => newUnitRow(db, row)));
    return true;
  } catch (error) {
    // A batch too large is this code's mistake; an error that ended the transaction (disk full, I/O) is not a row's fault.
    if (error instanceof RangeError || !db.inTransaction) throw error;
    return false;
  }
}

/** `localId` is the row here (for a linked unit, not the incoming id). */
export function updateRow(db: Database, table: TrackedTable, localId: string, row: Row, now: string): void {
  if (table === 'units') updateUnitFacts(db, localId, unitFacts(db, row), now);
  else updateReplica(db, table, row);
}
