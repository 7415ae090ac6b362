/**
 * Checks the audit log's hash chain from the first entry: each entry's hash must be the hash of
 * its own content and the previous entry's hash, and its prev_hash must be that previous hash.
 * The first entry where either fails is where someone edited, deleted or reordered entries.
 * (Removing the newest entries leaves a shorter valid chain; the chain cannot show that alone.)
 */
import type { Database } from 'better-sqlite3';
import { entryHash, genesisHash } from './audit-log';

interface AuditRow {
  seq: number;
  id: string;
  at: string;
  workstation_id: string;
  actor: string;
  action: string;
  subject: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export type AuditBreak = 'edited' | 'deletedOrReordered';

export interface BrokenEntry {
  seq: number;
  id: string;
  at: string;
  action: string;
  problem: AuditBreak;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBroken: BrokenEntry | null;
}

export function verifyAuditChain(db: Database): AuditVerification {
  let expectedPrev = genesisHash;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    const recomputed = entryHash(row.prev_hash, {
      id: row.id,
      at: row.at,
      workstationId: row.workstation_id,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      data: row.data,
    });
    const problem: AuditBreak | null = recomputed !== row.hash ? 'edited' : row.prev_hash !== expectedPrev ? 'deletedOrReordered' : null;
    if (problem !== null) {
      return { ok: false, entries, firstBroken: { seq: row.seq, id: row.id, at: row.at, action: row.action, problem } };
    }
    expectedPrev = row.hash;
  }
  return { ok: true, entries, firstBroken: null };
}

/** The break in both languages, for the CLI and the integrity check. */
export function describeBreak(broken: BrokenEntry): string {
  const what =
    broken.problem === 'edited'
      ? { zh: '内容被改动', en: 'its content was edited' }
      : { zh: '前面的条目被删除或调换了顺序', en: 'an entry before it was deleted or the entries were reordered' };
  return `审计日志第 ${broken.seq} 条（${broken.action}，${broken.at}）校验失败：${what.zh} / audit entry ${broken.seq} (${broken.action}, ${broken.at}) fails the chain: ${what.en}; id ${broken.id}`;
}
