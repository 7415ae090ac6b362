/**
 * Warnings on a trust entry (the one writer of trust_warnings): a bundle from an enrolled
 * workstation was refused because its audit chain does not extend the chain held here (restarted,
 * a gap, shorter, rewritten, without its signed head). The refusal alone would scroll away in the
 * import history; the warning stays on the workstation's entry until a person with the city role
 * acknowledges it, with a note of what they found. Kept for good; the acknowledgment is audited.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { TrustWarning } from '@shared/api/procedures/bundles';
import { newId } from '../platform/ids';

export interface NewTrustWarning {
  workstationId: string;
  importId: string;
  bundleId: string | null;
  sequence: number | null;
  problem: string;
  seqFrom: number | null;
  seqTo: number | null;
  message: string;
  messageEn: string;
  createdAt: string;
}

interface Row {
  id: string;
  workstation_id: string;
  import_id: string;
  bundle_id: string | null;
  sequence: number | null;
  problem: string;
  seq_from: number | null;
  seq_to: number | null;
  message: string;
  message_en: string;
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  acknowledge_note: string | null;
  acknowledged_by_name?: string | null;
}

const selectWithName = 'SELECT w.*, u.display_name AS acknowledged_by_name FROM trust_warnings w LEFT JOIN users u ON u.id = w.acknowledged_by';

function toWarning(row: Row): TrustWarning {
  return {
    id: row.id, workstationId: row.workstation_id, importId: row.import_id, bundleId: row.bundle_id, sequence: row.sequence, problem: row.problem,
    seqFrom: row.seq_from, seqTo: row.seq_to, message: row.message, messageEn: row.message_en, createdAt: row.created_at,
    acknowledgedAt: row.acknowledged_at, acknowledgedBy: row.acknowledged_by, acknowledgedByName: row.acknowledged_by_name ?? row.acknowledged_by, acknowledgeNote: row.acknowledge_note,
  };
}

/** Runs inside the transaction that records the refusal. */
export function addTrustWarning(db: Database, warning: NewTrustWarning): string {
  const id = newId();
  db.prepare(
    `INSERT INTO trust_warnings (id, workstation_id, import_id, bundle_id, sequence, problem, seq_from, seq_to, message, message_en, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, warning.workstationId, warning.importId, warning.bundleId, warning.sequence, warning.problem, warning.seqFrom, warning.seqTo, warning.message, warning.messageEn, warning.createdAt);
  return id;
}

/** A workstation's warnings, those waiting for a person first, then the newest. */
export function warningsOf(db: Database, workstationId: string, limit = 20): TrustWarning[] {
  return (db.prepare(`${selectWithName} WHERE w.workstation_id = ? ORDER BY w.acknowledged_at IS NOT NULL, w.created_at DESC, w.id DESC LIMIT ?`).all(workstationId, limit) as Row[]).map(toWarning);
}

/** Marks a warning as looked into; `audited` appends the entry in the same transaction. A second acknowledgment is refused. */
export function acknowledgeWarning(db: Database, id: string, by: string, note: string | null, now: Date, audited: (warning: TrustWarning) => void): TrustWarning {
  return db.transaction((): TrustWarning => {
    const row = db.prepare('SELECT * FROM trust_warnings WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new DxError('NOT_FOUND', `没有警告 ${id} / there is no warning ${id}`, { issues: [{ path: ['id'], message: `no warning ${id}` }] });
    if (row.acknowledged_at !== null) {
      throw new DxError('CONFLICT', `此警告已由 ${row.acknowledged_by} 于 ${row.acknowledged_at} 确认 / this warning was acknowledged by ${row.acknowledged_by} on ${row.acknowledged_at}`, { reason: 'already-acknowledged' });
    }
    db.prepare('UPDATE trust_warnings SET acknowledged_at = ?, acknowledged_by = ?, acknowledge_note = ? WHERE id = ?').run(now.toISOString(), by, note, id);
    const warning = toWarning(db.prepare(`${selectWithName} WHERE w.id = ?`).get(id) as Row);
    audited(warning);
    return warning;
  }).immediate();
}
