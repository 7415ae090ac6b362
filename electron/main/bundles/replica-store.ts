/**
 * The one writer of what a bundle import adds beside the records themselves: record versions
 * received from other workstations, unit aliases (the same unit registered on two laptops) and
 * other workstations' audit entries; and the writer of replicated rows of the record tables
 * other than units (units go through units/unit-store.ts). Callers hold the transaction.
 */
import type { Database } from 'better-sqlite3';
import type { RecordTable } from '@shared/bundle/records';
import { prepared } from '../db/statements';
import { columnsOf } from './record-rows';
import type { Row } from './record-rows';

export interface RecordVersion {
  source: string;
  version: number;
  sha256: string;
}

export function recordVersion(db: Database, table: RecordTable, id: string): RecordVersion | undefined {
  return prepared(db, 'SELECT source_workstation_id AS source, version, sha256 FROM record_versions WHERE table_name = ? AND record_id = ?').get(table, id) as RecordVersion | undefined;
}

export function setRecordVersion(db: Database, table: RecordTable, id: string, version: RecordVersion): void {
  prepared(db, 'INSERT OR REPLACE INTO record_versions (table_name, record_id, source_workstation_id, version, sha256) VALUES (?, ?, ?, ?, ?)').run(table, id, version.source, version.version, version.sha256);
}

/** Record versions in one statement (a bundle's new rows by the thousand; each id at most once). */
export function setRecordVersions(db: Database, table: RecordTable, versions: readonly (readonly [string, RecordVersion])[]): void {
  if (versions.length === 0) return;
  const rows = versions.map(([id, version]) => [id, version.source, version.version, version.sha256]);
  prepared(
    db,
    `INSERT OR REPLACE INTO record_versions (table_name, record_id, source_workstation_id, version, sha256)
     SELECT @table, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM json_each(@rows) j`,
  ).run({ table, rows: JSON.stringify(rows) });
}

export function unitOfAlias(db: Database, aliasId: string): string | undefined {
  const row = prepared(db, 'SELECT unit_id FROM unit_aliases WHERE alias_id = ?').get(aliasId) as { unit_id: string } | undefined;
  return row?.unit_id;
}

/** The units here that any of `aliasIds` stand for, in one statement. */
export function unitsOfAliases(db: Database, aliasIds: readonly string[]): Map<string, string> {
  if (aliasIds.length === 0) return new Map();
  const rows = db.prepare('SELECT alias_id, unit_id FROM unit_aliases WHERE alias_id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(aliasIds)) as [string, string][];
  return new Map(rows);
}

export function addUnitAlias(db: Database, aliasId: string, unitId: string, source: string, now: string): void {
  prepared(db, 'INSERT OR IGNORE INTO unit_aliases (alias_id, unit_id, source_workstation_id, linked_at) VALUES (?, ?, ?, ?)').run(aliasId, unitId, source, now);
}

/** Another workstation's audit entry, kept as it came; false when it was here already. */
export function keepAuditEntry(db: Database, row: Row): boolean {
  return (
    prepared(db, 'INSERT OR IGNORE INTO bundle_audit_entries (id, workstation_id, seq, at, actor, action, subject, data, prev_hash, hash) VALUES (@id, @workstation_id, @seq, @at, @actor, @action, @subject, @data, @prev_hash, @hash)').run(row)
      .changes === 1
  );
}

export type ReplicaTable = Exclude<RecordTable, 'units' | 'audit_log'>;

// One row at a time, thousands per bundle: each table's statement text is made once.
const insertSql = new Map<ReplicaTable, string>();
const updateSql = new Map<ReplicaTable, string>();

export function insertReplica(db: Database, table: ReplicaTable, row: Row): void {
  let sql = insertSql.get(table);
  if (sql === undefined) {
    const columns = columnsOf(table);
    sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`;
    insertSql.set(table, sql);
  }
  prepared(db, sql).run(row);
}

/** Rows a multi-row statement inserts at most: 500 rows of the widest table stay well under SQLite's 32,766 parameters. */
export const replicaBatchRows = 500;

/**
 * Inserts new rows in one multi-row statement: a statement with triggers keeps a statement
 * journal, and one statement per row cost several times the insert itself. All or nothing: false
 * (and nothing written, SQLite undoes the statement) when any row is refused or lacks a column;
 * the caller then inserts them one by one to learn which line it was.
 */
export function insertReplicas(db: Database, table: ReplicaTable, rows: readonly Row[]): boolean {
  if (rows.length === 0) return true;
  const columns = columnsOf(table);
  const values: (string | number | null)[] = [];
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column];
      if (value === undefined) return false;
      values.push(value);
    }
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(', ')}`;
  // Only the full batch's statement is kept: the last, shorter one of a table is made once per import.
  const statement = rows.length === replicaBatchRows ? prepared(db, sql) : db.prepare(sql);
  try {
    statement.run(values);
    return true;
  } catch (error) {
    // An error that ended the transaction (disk full, I/O) is not a row's fault: nothing may go on.
    if (!db.inTransaction) throw error;
    return false;
  }
}

/** Brings a row up to a newer version from the workstation that made it (triggers refuse what must not change). */
export function updateReplica(db: Database, table: ReplicaTable, row: Row): void {
  let sql = updateSql.get(table);
  if (sql === undefined) {
    const columns = columnsOf(table).filter((column) => column !== 'id');
    sql = `UPDATE ${table} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`;
    updateSql.set(table, sql);
  }
  prepared(db, sql).run(row);
}
