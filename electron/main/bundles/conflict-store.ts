/**
 * The one writer of bundle_conflicts: a record that arrived changed differently from the copy
 * here is held, both versions side by side, until a person chooses one. Choosing is recorded
 * in the conflict row and in the audit log.
 */
import type { Database } from 'better-sqlite3';
import { newId } from '../platform/ids';
import type { Row } from './record-rows';

export interface NewConflict {
  table: string;
  recordId: string;
  source: string;
  bundleId: string;
  incomingVersion: number;
  incomingSha256: string;
  local: Row | null;
  incoming: Row;
  reason: string;
  createdAt: string;
}

/** The conflict this incoming version of a record was held in before, if any. */
function findHeld(db: Database, table: string, recordId: string, incomingSha256: string): { id: string; status: 'open' | 'resolved' } | undefined {
  return db.prepare('SELECT id, status FROM bundle_conflicts WHERE table_name = ? AND record_id = ? AND incoming_sha256 = ?').get(table, recordId, incomingSha256) as
    | { id: string; status: 'open' | 'resolved' }
    | undefined;
}

/** Whether this incoming version was held before, and how it stands. */
export function heldStatus(db: Database, table: string, recordId: string, incomingSha256: string): 'open' | 'resolved' | undefined {
  return findHeld(db, table, recordId, incomingSha256)?.status;
}

/** Holds the conflict; the same incoming version held before is not held twice. Returns its id. */
export function holdConflict(db: Database, conflict: NewConflict): string {
  const existing = findHeld(db, conflict.table, conflict.recordId, conflict.incomingSha256);
  if (existing) return existing.id;
  const id = newId();
  db.prepare(
    `INSERT INTO bundle_conflicts (id, table_name, record_id, source_workstation_id, bundle_id, incoming_version, incoming_sha256, local_record, incoming_record, reason, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, conflict.table, conflict.recordId, conflict.source, conflict.bundleId, conflict.incomingVersion, conflict.incomingSha256, conflict.local === null ? null : JSON.stringify(conflict.local), JSON.stringify(conflict.incoming), conflict.reason, conflict.createdAt);
  return id;
}

export interface ConflictRow extends NewConflict {
  id: string;
  status: 'open' | 'resolved';
  resolution: 'keep-local' | 'take-incoming' | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

interface StoredConflict {
  id: string; table_name: string; record_id: string; source_workstation_id: string; bundle_id: string; incoming_version: number; incoming_sha256: string;
  local_record: string | null; incoming_record: string; reason: string; status: 'open' | 'resolved'; resolution: 'keep-local' | 'take-incoming' | null;
  resolved_by: string | null; resolved_at: string | null; created_at: string;
}

function toConflict(row: StoredConflict): ConflictRow {
  return {
    id: row.id, table: row.table_name, recordId: row.record_id, source: row.source_workstation_id, bundleId: row.bundle_id, incomingVersion: row.incoming_version,
    incomingSha256: row.incoming_sha256, local: row.local_record === null ? null : (JSON.parse(row.local_record) as Row), incoming: JSON.parse(row.incoming_record) as Row,
    reason: row.reason, status: row.status, resolution: row.resolution, resolvedBy: row.resolved_by, resolvedAt: row.resolved_at, createdAt: row.created_at,
  };
}

export function listConflicts(db: Database, status: 'open' | 'resolved' | 'all' = 'open'): ConflictRow[] {
  const rows = (status === 'all' ? db.prepare('SELECT * FROM bundle_conflicts ORDER BY created_at, id').all() : db.prepare('SELECT * FROM bundle_conflicts WHERE status = ? ORDER BY created_at, id').all(status)) as StoredConflict[];
  return rows.map(toConflict);
}

export function findConflict(db: Database, id: string): ConflictRow | undefined {
  const row = db.prepare('SELECT * FROM bundle_conflicts WHERE id = ?').get(id) as StoredConflict | undefined;
  return row ? toConflict(row) : undefined;
}

export function markResolved(db: Database, id: string, resolution: 'keep-local' | 'take-incoming', actorId: string, at: string): void {
  db.prepare("UPDATE bundle_conflicts SET status = 'resolved', resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ? AND status = 'open'").run(resolution, actorId, at, id);
}
