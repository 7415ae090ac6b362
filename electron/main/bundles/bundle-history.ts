/**
 * The one writer of bundle_exports and bundle_imports: what this workstation sent (with the
 * sequence number the receiver checks for gaps) and every bundle it received or refused.
 */
import type { Database } from 'better-sqlite3';
import type { BundleKind } from '@shared/bundle/manifest';
import type { ImportReport } from '@shared/bundle/report';

export interface LastExport {
  sequence: number;
  changeTo: number;
  auditTo: number;
}

export function lastExport(db: Database, kind: BundleKind): LastExport | null {
  const row = db.prepare('SELECT sequence, change_to AS changeTo, audit_to AS auditTo FROM bundle_exports WHERE kind = ? ORDER BY sequence DESC LIMIT 1').get(kind) as LastExport | undefined;
  return row ?? null;
}

export function nextExportSequence(db: Database, kind: BundleKind): number {
  return ((db.prepare('SELECT max(sequence) FROM bundle_exports WHERE kind = ?').pluck().get(kind) as number | null) ?? 0) + 1;
}

export function exportSequenceTaken(db: Database, kind: BundleKind, sequence: number): boolean {
  return db.prepare('SELECT 1 FROM bundle_exports WHERE kind = ? AND sequence = ?').get(kind, sequence) !== undefined;
}

export interface ExportRecord {
  sequence: number;
  bundleId: string;
  kind: BundleKind;
  full: boolean;
  changeFrom: number;
  changeTo: number;
  auditTo: number;
  counts: Record<string, number>;
  fileName: string;
  bytes: number;
  createdAt: string;
  createdBy: string;
}

export function recordExport(db: Database, record: ExportRecord): void {
  db.prepare(
    `INSERT INTO bundle_exports (sequence, bundle_id, kind, full, change_from, change_to, audit_to, counts, file_name, bytes, created_at, created_by)
     VALUES (@sequence, @bundleId, @kind, @full, @changeFrom, @changeTo, @auditTo, @counts, @fileName, @bytes, @createdAt, @createdBy)`,
  ).run({ ...record, full: record.full ? 1 : 0, counts: JSON.stringify(record.counts) });
}

export interface ExportHistoryRow {
  sequence: number;
  bundleId: string;
  kind: BundleKind;
  full: boolean;
  counts: Record<string, number>;
  fileName: string;
  bytes: number;
  createdAt: string;
  createdBy: string;
}

export function listExports(db: Database, limit = 200): ExportHistoryRow[] {
  const rows = db.prepare('SELECT sequence, bundle_id, kind, full, counts, file_name, bytes, created_at, created_by FROM bundle_exports ORDER BY created_at DESC, sequence DESC LIMIT ?').all(limit) as {
    sequence: number; bundle_id: string; kind: BundleKind; full: number; counts: string; file_name: string; bytes: number; created_at: string; created_by: string;
  }[];
  return rows.map((row) => ({ sequence: row.sequence, bundleId: row.bundle_id, kind: row.kind, full: row.full === 1, counts: JSON.parse(row.counts) as Record<string, number>, fileName: row.file_name, bytes: row.bytes, createdAt: row.created_at, createdBy: row.created_by }));
}

/** Runs inside the caller's transaction for an import; in its own for a refusal. */
export function recordImport(db: Database, report: ImportReport): void {
  db.prepare(
    `INSERT INTO bundle_imports (id, bundle_id, source_workstation_id, sequence, kind, status, file_name, report, imported_at, imported_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(report.importId, report.bundleId, report.source?.workstationId ?? null, report.sequence, report.kind, report.status, report.file, JSON.stringify(report), report.importedAt, report.importedBy);
}

/** `audited` appends the refusal's audit entry in the same transaction. */
export function recordRefusal(db: Database, report: ImportReport, audited?: (report: ImportReport) => void): void {
  db.transaction(() => {
    recordImport(db, report);
    audited?.(report);
  }).immediate();
}

/** Sequence numbers received from a source (and kind), imported ones only. */
export function receivedSequences(db: Database, sourceWorkstationId: string, kind: string): number[] {
  return db.prepare("SELECT DISTINCT sequence FROM bundle_imports WHERE status = 'imported' AND source_workstation_id = ? AND kind = ? ORDER BY sequence").pluck().all(sourceWorkstationId, kind) as number[];
}

/** The missing numbers below the highest received: 1..max minus what arrived. */
export function sequenceGaps(received: readonly number[]): number[] {
  const have = new Set(received);
  const highest = Math.max(0, ...received);
  const gaps: number[] = [];
  for (let sequence = 1; sequence < highest; sequence += 1) if (!have.has(sequence)) gaps.push(sequence);
  return gaps;
}

export function listImports(db: Database, limit = 200): ImportReport[] {
  return (db.prepare('SELECT report FROM bundle_imports ORDER BY imported_at DESC, rowid DESC LIMIT ?').pluck().all(limit) as string[]).map((text) => JSON.parse(text) as ImportReport);
}
