/**
 * Exports this workstation's work as a signed `.dxb` bundle: every record changed since the last
 * export (from the change log, without scanning the tables), or everything with `full`, its
 * evidence files, its new audit entries and the audit checkpoints it signed (one at every
 * export). The export is recorded with its sequence number only once the file is complete, or,
 * for a bundle handed to a door to save, once the door says it is saved (`recordSavedExport`):
 * the next export starts after the last recorded one, so a bundle that never reached its
 * destination must not count as sent.
 */
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import type { DomainContext } from '../context/domain-context';
import { DxError } from '@shared/api/errors';
import { bundleFormat } from '@shared/bundle/manifest';
import type { BundleKind, Manifest } from '@shared/bundle/manifest';
import type { ExportResult } from '@shared/bundle/report';
import { readEvidenceFile } from '../assessments/evidence-store';
import { listCheckpointsSince, signCheckpoint } from '../audit/checkpoints';
import type { AuditCheckpoint } from '../audit/checkpoints';
import { changeCounter } from './change-log';
import { exportSequenceTaken, lastExport, nextExportSequence, recordExport } from './bundle-history';
import type { ExportRecord } from './bundle-history';
import { allRowIds, readRows, trackedTables, travellingRow } from './record-rows';
import type { Row, TrackedTable } from './record-rows';
import type { BundleSigner } from './signer';
import { writeZip } from './zip-writer';
import type { ZipEntry } from './zip-writer';

export interface ExportOptions {
  out: string;
  full: boolean;
  dataDir: string;
  signer: BundleSigner;
  progress?(done: number, total: number, message: string): void;
  throwIfCancelled?(): void;
  /** The file still has to reach the caller (a download): leave the recording to `recordSavedExport`. */
  recordWhenSaved?: boolean;
}

/** A written bundle as the history will keep it; the door records it once the caller has saved it. */
export interface UnsavedExport {
  record: ExportRecord;
  /** Where it was written, for the audit entry. */
  file: string;
}

export interface WrittenBundle extends ExportResult {
  /** Present with `recordWhenSaved`: what `recordSavedExport` records. */
  unsaved?: UnsavedExport;
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function jsonLines(lines: readonly object[]): Buffer {
  return Buffer.from(lines.map((line) => `${JSON.stringify(line)}\n`).join(''), 'utf8');
}

/** Each changed record's id with its change counter, by table. */
function changedRecords(db: Database, from: number, full: boolean): Map<TrackedTable, Map<string, number>> {
  const byTable = new Map<TrackedTable, Map<string, number>>(trackedTables.map((table) => [table, new Map()]));
  const rows = db.prepare('SELECT table_name, record_id, seq FROM change_log WHERE seq > ? ORDER BY seq').raw().all(full ? 0 : from) as [TrackedTable, string, number][];
  for (const [table, id, seq] of rows) byTable.get(table)?.set(id, seq);
  if (full) {
    // Rows without a change log entry (imported from elsewhere) travel too, at version 0.
    for (const table of trackedTables) {
      const versions = byTable.get(table) as Map<string, number>;
      for (const id of allRowIds(db, table)) if (!versions.has(id)) versions.set(id, 0);
    }
  }
  return byTable;
}

/** Signs the chain head, so the receiver can tell later whether this log was rewritten or trimmed behind it. */
function signExportCheckpoint(db: Database, options: ExportOptions, now: Date): AuditCheckpoint | null {
  const source = options.signer.source;
  const signed = signCheckpoint(db, { workstationId: source.workstationId, publicKey: source.ed25519PublicKey, privateKey: options.signer.privateKey }, 'export', now);
  if (signed) return signed;
  // Already signed at the head (nothing logged since): that checkpoint.
  const headSeq = (db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  return listCheckpointsSince(db, source.workstationId, headSeq - 1).find((checkpoint) => checkpoint.seq === headSeq) ?? null;
}

function checkpointLine(checkpoint: AuditCheckpoint): object {
  return {
    _origin: checkpoint.workstationId, _version: checkpoint.seq, id: checkpoint.id, workstation_id: checkpoint.workstationId, seq: checkpoint.seq, entry_id: checkpoint.entryId,
    hash: checkpoint.hash, reason: checkpoint.reason, signed_at: checkpoint.signedAt, public_key: checkpoint.publicKey, signature: checkpoint.signature,
  };
}

export async function exportBundle(ctx: DomainContext, options: ExportOptions): Promise<WrittenBundle> {
  const { db } = ctx;
  const kind = 'workstation' as const;
  const head = signExportCheckpoint(db, options, ctx.now());
  const previous = lastExport(db, kind);
  const from = options.full ? 0 : (previous?.changeTo ?? 0);
  const to = changeCounter(db);
  const auditFrom = options.full ? 0 : (previous?.auditTo ?? 0);
  // The bundle's entries end at the head just signed (an entry another program appends meanwhile
  // goes with the next export): the receiver and `audit verify` hold the export to that checkpoint.
  const auditTo = head?.seq ?? 0;
  const source = options.signer.source;

  const changed = changedRecords(db, from, options.full);
  const total = [...changed.values()].reduce((sum, ids) => sum + ids.size, 0);
  let done = 0;
  const entries: ZipEntry[] = [];
  const counts: Record<string, number> = {};
  const evidenceHashes = new Set<string>();
  for (const table of trackedTables) {
    const versions = changed.get(table) as Map<string, number>;
    const rows = readRows(db, table, [...versions.keys()]);
    const lines = rows.map((row: Row) => ({ _origin: typeof row.workstation_id === 'string' ? row.workstation_id : source.workstationId, _version: versions.get(row.id as string) ?? 0, ...travellingRow(table, row) }));
    if (table === 'evidence') for (const row of rows) evidenceHashes.add(row.sha256 as string);
    counts[table] = lines.length;
    if (lines.length > 0) entries.push({ name: `records/${table}.jsonl`, bytes: jsonLines(lines), compress: true });
    done += rows.length;
    options.progress?.(done, total, table);
    options.throwIfCancelled?.();
  }
  // The head's entry travels with its checkpoint even when it went before (nothing logged since):
  // the receiver compares it with the one it kept.
  const auditLow = head !== null && head.seq <= auditFrom ? head.seq - 1 : auditFrom;
  const audit = db.prepare('SELECT id, seq, at, workstation_id, actor, action, subject, data, prev_hash, hash FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq').all(auditLow, auditTo) as Row[];
  counts.audit_log = audit.length;
  if (audit.length > 0) entries.push({ name: 'records/audit_log.jsonl', bytes: jsonLines(audit.map((row) => ({ _origin: row.workstation_id, _version: row.seq, ...row }))), compress: true });
  // The head's checkpoint always travels, even below the last export's entries: a log cut back
  // since then shows as a head below a checkpoint the receiver holds.
  const checkpoints = listCheckpointsSince(db, source.workstationId, auditFrom).filter((checkpoint) => checkpoint.seq <= auditTo);
  if (head && !checkpoints.some((checkpoint) => checkpoint.id === head.id)) checkpoints.push(head);
  counts.audit_checkpoints = checkpoints.length;
  if (checkpoints.length > 0) entries.push({ name: 'records/audit_checkpoints.jsonl', bytes: jsonLines(checkpoints.map(checkpointLine)), compress: true });
  for (const hash of evidenceHashes) {
    let bytes: Buffer;
    try {
      bytes = readEvidenceFile(options.dataDir, hash);
    } catch {
      throw new DxError('NOT_FOUND', `证据文件缺失：${hash}，无法导出 (an evidence file is missing: ${hash}; nothing was exported)`, { sha256: hash });
    }
    entries.push({ name: `evidence/${hash}`, bytes, compress: false });
  }
  counts.evidence_files = evidenceHashes.size;
  options.throwIfCancelled?.();
  return writeSignedBundle(ctx, options, { kind, entries, counts, changes: { from, to }, auditTo });
}

export interface BundleBody {
  kind: BundleKind;
  entries: ZipEntry[];
  counts: Record<string, number>;
  changes: { from: number; to: number };
  auditTo: number;
}

/** Writes the manifest, signs it, writes the zip and records the export (unless the caller saves it first). */
export async function writeSignedBundle(ctx: DomainContext, options: Pick<ExportOptions, 'out' | 'full' | 'signer' | 'recordWhenSaved'>, body: BundleBody): Promise<WrittenBundle> {
  const { db } = ctx;
  const sequence = nextExportSequence(db, body.kind);
  const manifest: Manifest = {
    format: bundleFormat,
    bundleId: randomUUID(),
    kind: body.kind,
    source: options.signer.source,
    sequence,
    full: options.full,
    changes: body.changes,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.actor.userId,
    counts: body.counts,
    entries: body.entries.map((entry) => ({ name: entry.name, bytes: entry.bytes.length, sha256: sha256(entry.bytes) })),
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8');
  const signature = options.signer.sign(manifestBytes);
  const bytes = await writeZip(options.out, [{ name: 'manifest.json', bytes: manifestBytes, compress: true }, { name: 'manifest.sig', bytes: signature, compress: false }, ...body.entries]);
  const result: ExportResult = { file: options.out, bundleId: manifest.bundleId, sequence, full: options.full, counts: body.counts, bytes, changes: body.changes };
  const unsaved: UnsavedExport = {
    file: options.out,
    record: {
      sequence, bundleId: manifest.bundleId, kind: body.kind, full: options.full, changeFrom: body.changes.from, changeTo: body.changes.to, auditTo: body.auditTo, counts: body.counts,
      fileName: path.basename(options.out), bytes, createdAt: manifest.createdAt, createdBy: ctx.actor.userId,
    },
  };
  if (options.recordWhenSaved === true) return { ...result, unsaved };
  recordSavedExport(ctx, unsaved);
  return result;
}

/**
 * Records a written bundle as sent, with its audit entry, in one transaction. Refused when another
 * bundle took its sequence number meanwhile (two exports, the later one saved first): the
 * receiver would see two bundles under one number, so this one must be exported again.
 */
export function recordSavedExport(ctx: DomainContext, unsaved: UnsavedExport): void {
  const { record } = unsaved;
  ctx.db.transaction(() => {
    if (exportSequenceTaken(ctx.db, record.kind, record.sequence)) {
      throw new DxError(
        'CONFLICT',
        `第 ${record.sequence} 号数据包已由另一次导出占用：请重新导出 (bundle number ${record.sequence} was taken by another export meanwhile: export again)`,
        { sequence: record.sequence },
      );
    }
    recordExport(ctx.db, record);
    // `auditTo` in the entry itself: the export history is an ordinary table, and `audit verify`
    // must still know which head an export signed when that history and the checkpoints are gone.
    ctx.audit({ action: 'bundle.export', subject: record.bundleId, data: { kind: record.kind, sequence: record.sequence, full: record.full, counts: record.counts, file: unsaved.file, auditTo: record.auditTo } });
  }).immediate();
}
