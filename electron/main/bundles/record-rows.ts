/**
 * Rows of the tables that travel in bundles, in their bundle form: read from the database by
 * id, and their content hash, the one thing compared to tell "already here" from "changed".
 */
import { hash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { recordSchemas } from '@shared/bundle/records';
import type { RecordTable } from '@shared/bundle/records';
import { prepared } from '../db/statements';

/** The tables the change log tracks (all record tables but the audit log, read by its own seq). */
export const trackedTables = ['units', 'unit_star_history', 'assessments', 'evidence', 'rectifications', 'certificates', 'certificate_revocations', 'district_inputs', 'inspection_plan'] as const;
export type TrackedTable = (typeof trackedTables)[number];

/** A row in bundle form: the columns, without `_origin` and `_version`. */
export type Row = Record<string, string | number | null>;

/** The columns of a table's bundle lines (schema keys without the `_` fields). */
export function columnsOf(table: RecordTable): readonly string[] {
  let columns = columnCache.get(table);
  if (columns === undefined) {
    columns = Object.keys(recordSchemas[table].shape).filter((key) => !key.startsWith('_'));
    columnCache.set(table, columns);
  }
  return columns;
}

// Asked once per row merged (hash, insert): the schemas never change, so each list is made once.
const columnCache = new Map<RecordTable, readonly string[]>();

/** Unit columns a workstation derives from the assessment history: not compared, not copied. */
export const derivedUnitColumns: ReadonlySet<string> = new Set(['current_stars', 'last_assessed_on', 'last_veto_on', 'updated_at']);

function selectSql(table: RecordTable): string {
  if (table === 'units') {
    const columns = columnsOf('units').map((column) => (column === 'street' ? 's.name AS street' : `u.${column}`));
    return `SELECT ${columns.join(', ')} FROM units u LEFT JOIN streets s ON s.id = u.street_id`;
  }
  return `SELECT ${columnsOf(table).join(', ')} FROM ${table}`;
}

const readRowSql = new Map<TrackedTable, string>();

export function readRow(db: Database, table: TrackedTable, id: string): Row | undefined {
  let sql = readRowSql.get(table);
  if (sql === undefined) {
    sql = `${selectSql(table)} WHERE ${table === 'units' ? 'u.id' : 'id'} = ?`;
    readRowSql.set(table, sql);
  }
  return prepared(db, sql).get(id) as Row | undefined;
}

/** Which of `ids` have a row in `table`: one statement for a whole bundle's lines, instead of one lookup per line. */
export function presentIds(db: Database, table: TrackedTable, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  return new Set(db.prepare(`SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as string[]);
}

/** Rows by id, in chunks (a bundle of 10,000 assessments is read with a few hundred statements). */
export function readRows(db: Database, table: TrackedTable, ids: readonly string[]): Row[] {
  const rows: Row[] = [];
  const where = table === 'units' ? 'u.id' : 'id';
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    rows.push(...(db.prepare(`${selectSql(table)} WHERE ${where} IN (${chunk.map(() => '?').join(',')})`).all(...chunk) as Row[]));
  }
  return rows;
}

export function allRowIds(db: Database, table: TrackedTable): string[] {
  return db.prepare(`SELECT id FROM ${table} ORDER BY rowid`).pluck().all() as string[];
}

/**
 * Columns added to a table after its rows first travelled, with the value a row from before them
 * has: a row holding that value travels and hashes as it did before the column existed, so
 * versions kept from earlier bundles still compare equal and an older receiver still reads it.
 */
export const laterColumns: Partial<Record<RecordTable, Readonly<Record<string, string | null>>>> = {
  unit_star_history: { source: 'assessment', entered_by: null },
};

/** The row as it travels: later columns left out where they hold their old value. */
export function travellingRow(table: RecordTable, row: Row): Row {
  const later = laterColumns[table];
  if (later === undefined) return row;
  const copy: Row = { ...row };
  for (const [column, value] of Object.entries(later)) if ((copy[column] ?? null) === value) delete copy[column];
  return copy;
}

/** The columns a content hash covers: the schema's, in its order, derived unit columns and later columns left out. */
function hashedColumnsOf(table: RecordTable): readonly string[] {
  let columns = hashedColumnCache.get(table);
  if (columns === undefined) {
    const later = laterColumns[table] ?? {};
    columns = columnsOf(table).filter((column) => !(table === 'units' && derivedUnitColumns.has(column)) && !Object.hasOwn(later, column));
    hashedColumnCache.set(table, columns);
  }
  return columns;
}

const hashedColumnCache = new Map<RecordTable, readonly string[]>();

/** sha256 of the row's comparable content: the columns in schema order, then any later column that differs from its old value. */
export function contentHash(table: RecordTable, row: Row): string {
  const columns = hashedColumnsOf(table);
  const values = new Array<unknown>(columns.length);
  for (let index = 0; index < columns.length; index += 1) values[index] = row[columns[index] as string] ?? null;
  const later = laterColumns[table];
  if (later !== undefined) for (const [column, value] of Object.entries(later)) if ((row[column] ?? null) !== value) values.push([column, row[column]]);
  return hash('sha256', JSON.stringify(values), 'hex');
}

/** The row without `_origin` / `_version` (a bundle line's own keys are its schema's). */
export function rowOf(record: Record<string, unknown>): Row {
  const row: Row = {};
  for (const key in record) if (key.charCodeAt(0) !== 0x5f) row[key] = record[key] as string | number | null;
  return row;
}
