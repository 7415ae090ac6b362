/**
 * A person resolves a held conflict: keep the version here, or take the incoming one. The choice
 * is written in the conflict row and in the audit log in the same transaction.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { isRecordTable } from '@shared/bundle/records';
import { appendAudit } from '../audit/audit-log';
import { refreshUnitStars } from '../assessments/star-history';
import { insertRow, updateRow } from './apply-row';
import { findConflict, markResolved } from './conflict-store';
import type { ConflictRow } from './conflict-store';
import { contentHash, readRow, trackedTables } from './record-rows';
import type { TrackedTable } from './record-rows';
import { isHistoryConflict, resolveHistoryConflict } from './rating-conflicts';
import { setRecordVersion } from './replica-store';

export type Resolution = 'keep-local' | 'take-incoming';

function isTracked(table: string): table is TrackedTable {
  return (trackedTables as readonly string[]).includes(table);
}

export function resolveConflict(db: Database, workstationId: string, id: string, resolution: Resolution, actorId: string, now: Date): ConflictRow {
  return db.transaction((): ConflictRow => {
    const conflict = findConflict(db, id);
    if (!conflict) throw new DxError('NOT_FOUND', `没有冲突 ${id} (no conflict ${id})`);
    if (conflict.status === 'resolved') throw new DxError('CONFLICT', `冲突 ${id} 已于 ${conflict.resolvedAt} 由 ${conflict.resolvedBy} 处理 (conflict ${id} was resolved on ${conflict.resolvedAt} by ${conflict.resolvedBy})`);
    const table = conflict.table;
    const stamp = now.toISOString();
    if (isHistoryConflict(table)) {
      resolveHistoryConflict(db, conflict, resolution, stamp);
    } else if (!isTracked(table) || !isRecordTable(table)) {
      throw new DxError('INTERNAL', `unknown table ${table}`);
    } else if (resolution === 'take-incoming') {
      try {
        if (readRow(db, table, conflict.recordId)) updateRow(db, table, conflict.recordId, conflict.incoming, stamp);
        else insertRow(db, table, conflict.incoming);
      } catch (error) {
        throw new DxError('CONFLICT', `无法采用来件版本：${(error as Error).message}；只能保留本机版本 (the incoming version cannot be taken: ${(error as Error).message}; keep the local one)`, { reason: 'immutable' });
      }
      setRecordVersion(db, table, conflict.recordId, { source: conflict.source, version: conflict.incomingVersion, sha256: contentHash(table, conflict.incoming) });
      const unitId = table === 'units' ? conflict.recordId : (conflict.incoming.unit_id as string | undefined);
      if (unitId) refreshUnitStars(db, unitId, stamp);
    }
    markResolved(db, id, resolution, actorId, stamp);
    appendAudit(db, workstationId, { actor: actorId, action: 'bundle.conflict.resolve', subject: id, data: { table, recordId: conflict.recordId, resolution, source: conflict.source, incomingSha256: conflict.incomingSha256 } }, now);
    return findConflict(db, id) as ConflictRow;
  }).immediate();
}
