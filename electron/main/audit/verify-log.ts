/**
 * Everything `dingxing audit verify` and the integrity check ask of this workstation's audit log:
 * the hash chain (audit-verify.ts), the signed checkpoints (checkpoint-verify.ts), that every
 * record written with an entry still has it (audited-records.ts), and that the head was not cut
 * back: SQLite's AUTOINCREMENT counter is not above the newest entry, and the newest signed
 * checkpoint is not older than the last export (every export signs the head it sends). Which head
 * the last export signed is read from the export history and from the log's own `bundle.export`
 * entries, so deleting the history table with the checkpoints does not hide it.
 */
import type { Database } from 'better-sqlite3';
import { checkAuditedRecords, describeMissing, EntryIndex } from './audited-records';
import type { AuditedRecordsCheck } from './audited-records';
import { describeBreak, seqRange, verifyAuditChain } from './audit-verify';
import type { AuditRow, ChainVerification } from './audit-verify';
import { describeCheckpointProblem, verifyOwnCheckpoints } from './checkpoint-verify';
import type { CheckpointVerification } from './checkpoint-verify';

export type HeadProblem = 'trimmed' | 'checkpointBehindExport';

export interface HeadCheck {
  ok: boolean;
  /** The newest entry, or null for an empty log. */
  lastSeq: number | null;
  /** The highest number SQLite ever gave an entry here. */
  highestSeqUsed: number | null;
  /** The newest entry the last workstation bundle export carried (and signed), or null. */
  lastExportSeq: number | null;
  newestCheckpointSeq: number | null;
  problem: HeadProblem | null;
}

export interface AuditLogVerification extends ChainVerification {
  checkpoints: CheckpointVerification;
  head: HeadCheck;
  records: AuditedRecordsCheck;
}

/**
 * The head the workstation bundle exports in the log signed, at least: an entry written since
 * `auditTo` was recorded in it says so exactly; an older one signed a head no lower than the
 * export entry before it (that entry was in the log when the later export signed its head).
 */
export class ExportMarks {
  private previousExportSeq = 0;
  signedUpTo = 0;

  add(entry: Pick<AuditRow, 'seq' | 'action' | 'data'>): void {
    if (entry.action !== 'bundle.export') return;
    let data: { kind?: unknown; auditTo?: unknown };
    try {
      data = JSON.parse(entry.data) as typeof data;
    } catch {
      return;
    }
    if (data.kind !== 'workstation') return;
    const signed = typeof data.auditTo === 'number' && Number.isInteger(data.auditTo) ? data.auditTo : this.previousExportSeq;
    this.signedUpTo = Math.max(this.signedUpTo, signed);
    this.previousExportSeq = entry.seq;
  }
}

function checkHead(db: Database, lastSeq: number | null, newestCheckpointSeq: number | null, marks: ExportMarks): HeadCheck {
  const highestSeqUsed = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").pluck().get() as number | undefined) ?? null;
  const recorded = (db.prepare("SELECT max(audit_to) FROM bundle_exports WHERE kind = 'workstation'").pluck().get() as number | null) ?? 0;
  const lastExportSeq = Math.max(recorded, marks.signedUpTo) || null;
  const problem: HeadProblem | null =
    highestSeqUsed !== null && highestSeqUsed > (lastSeq ?? 0) ? 'trimmed' : lastExportSeq !== null && (newestCheckpointSeq ?? 0) < lastExportSeq ? 'checkpointBehindExport' : null;
  return { ok: problem === null, lastSeq, highestSeqUsed, lastExportSeq, newestCheckpointSeq, problem };
}

/**
 * Reads everything in one snapshot: another process (serve beside the CLI) may append entries while
 * the chain is read, and a counter read after them would make the log look cut back.
 */
export function verifyAuditLog(db: Database, workstationId: string): AuditLogVerification {
  return db.transaction(() => verifyInSnapshot(db, workstationId)).deferred();
}

function verifyInSnapshot(db: Database, workstationId: string): AuditLogVerification {
  const index = new EntryIndex();
  const marks = new ExportMarks();
  let lastSeq: number | null = null;
  const chain = verifyAuditChain(db, (row) => {
    index.add(row);
    marks.add(row);
    lastSeq = row.seq;
  });
  const checkpoints = verifyOwnCheckpoints(db, workstationId);
  const head = checkHead(db, lastSeq, checkpoints.lastSeq, marks);
  const records = checkAuditedRecords(db, workstationId, index);
  return { ...chain, ok: chain.ok && checkpoints.ok && head.ok && records.ok, checkpoints, head, records };
}

export function describeHead(head: HeadCheck): string {
  if (head.problem === 'trimmed') {
    const range = seqRange({ from: (head.lastSeq ?? 0) + 1, to: head.highestSeqUsed ?? 0 });
    return `审计日志最新的第 ${range} 条已被删除（现存最新为第 ${head.lastSeq ?? 0} 条）/ the newest audit entries ${range} were deleted (the log now ends at entry ${head.lastSeq ?? 0})`;
  }
  if (head.problem === 'checkpointBehindExport') {
    const newest = head.newestCheckpointSeq === null ? { zh: '没有任何签名检查点', en: 'there is no signed checkpoint' } : { zh: `最新的签名检查点在第 ${head.newestCheckpointSeq} 条`, en: `the newest signed checkpoint is at entry ${head.newestCheckpointSeq}` };
    return `${newest.zh}，早于上次导出时签名的第 ${head.lastExportSeq} 条：检查点被删除 / ${newest.en}, older than entry ${head.lastExportSeq} signed at the last export: checkpoints were removed`;
  }
  return '';
}

/** Every problem found, first the chain's, in both languages (empty when the log is sound). */
export function describeAuditProblems(result: AuditLogVerification): string[] {
  return [
    result.firstBroken ? describeBreak(result.firstBroken) : null,
    result.checkpoints.firstProblem ? describeCheckpointProblem(result.checkpoints.firstProblem) : null,
    result.head.ok ? null : describeHead(result.head),
    result.records.ok ? null : describeMissing(result.records),
  ].filter((line): line is string => line !== null);
}
