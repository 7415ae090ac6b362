/**
 * Checks the audit log's hash chain from the first entry: each entry's hash must be the hash of
 * its own content and the previous entry's hash, its prev_hash must be that previous hash, and
 * the entries are numbered 1, 2, 3… without a gap (SQLite never reuses or skips an AUTOINCREMENT
 * number, so a gap is a deletion even when the chain was linked again across it). The first entry
 * where any fails is where someone edited, deleted or reordered entries. Removing the newest
 * entries leaves a shorter valid chain: verify-log.ts looks for that beside the chain.
 */
import type { Database } from 'better-sqlite3';
import { entryHash, genesisHash } from './audit-log';

export interface AuditRow {
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
  /** The numbers missing before this entry, when there is a gap. */
  missing: { from: number; to: number } | null;
}

export interface ChainVerification {
  ok: boolean;
  entries: number;
  firstBroken: BrokenEntry | null;
}

/** `visit` sees every entry, also after a break (the records check needs the whole log). */
export function verifyAuditChain(db: Database, visit?: (row: AuditRow) => void): ChainVerification {
  let expectedPrev = genesisHash;
  let entries = 0;
  let firstBroken: BrokenEntry | null = null;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries += 1;
    visit?.(row);
    if (firstBroken) continue;
    const recomputed = entryHash(row.prev_hash, {
      id: row.id,
      at: row.at,
      workstationId: row.workstation_id,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      data: row.data,
    });
    const gap = row.seq !== entries ? { from: entries, to: row.seq - 1 } : null;
    const problem: AuditBreak | null = recomputed !== row.hash ? 'edited' : row.prev_hash !== expectedPrev || gap ? 'deletedOrReordered' : null;
    if (problem !== null) firstBroken = { seq: row.seq, id: row.id, at: row.at, action: row.action, problem, missing: problem === 'deletedOrReordered' && gap && gap.from <= gap.to ? gap : null };
    expectedPrev = row.hash;
  }
  return { ok: firstBroken === null, entries, firstBroken };
}

/** `7`, or `7–12`. */
export function seqRange(range: { from: number; to: number }): string {
  return range.from === range.to ? String(range.from) : `${range.from}–${range.to}`;
}

/** The break in both languages, for the CLI and the integrity check. */
export function describeBreak(broken: BrokenEntry): string {
  const what =
    broken.problem === 'edited'
      ? { zh: '内容被改动', en: 'its content was edited' }
      : broken.missing
        ? { zh: `前面的第 ${seqRange(broken.missing)} 条被删除`, en: `${broken.missing.from === broken.missing.to ? 'entry' : 'entries'} ${seqRange(broken.missing)} before it ${broken.missing.from === broken.missing.to ? 'was' : 'were'} deleted` }
        : { zh: '前面的条目被删除或调换了顺序', en: 'an entry before it was deleted or the entries were reordered' };
  return `审计日志第 ${broken.seq} 条（${broken.action}，${broken.at}）校验失败：${what.zh} / audit entry ${broken.seq} (${broken.action}, ${broken.at}) fails the chain: ${what.en}; id ${broken.id}`;
}
