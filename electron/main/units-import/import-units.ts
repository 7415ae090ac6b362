/**
 * Imports a file of units: read, check every row, and (unless previewing) write all rows in one
 * transaction with its audit entry, or none when any row is bad. It runs as a job, in a worker.
 */
import { DxError } from '@shared/api/errors';
import type { UnitImportReport } from '@shared/api/procedures/units';
import type { DomainContext } from '../context/domain-context';
import { localDate } from '../context/local-date';
import { bulkRegistryLookups } from './registry-lookups';
import { readTable } from './read-table';
import type { RawTable } from './read-table';
import { validateRows } from './validate-rows';
import type { ImportMode } from './validate-rows';
import { writeUnits } from './write-units';

/** Rows a preview keeps for the window to page through; every error is kept whatever the count. */
export const previewRowLimit = 20_000;

export interface ImportOptions {
  fileName: string;
  bytes: Uint8Array;
  /** Check only; nothing is written. */
  preview: boolean;
  /** `update`: rows matching a unit update it (see validate-rows). */
  mode?: ImportMode;
  /** The file already read (the CLI reads it before it opens the database). */
  table?: RawTable;
  previewLimit?: number;
  progress?(done: number, total: number, message?: string): void;
  throwIfCancelled?(): void;
}

/**
 * Each phase's share of the whole job, in per mille: one bar runs from reading to the last row
 * written, instead of sitting at 0% through a long check and jumping at the end.
 */
const phaseShares = { preview: { read: [0, 300], check: [300, 1000], write: [1000, 1000] }, import: { read: [0, 150], check: [150, 450], write: [450, 1000] } } as const;

/** Resolves to the report; a file with any bad row resolves with `imported: 0` and the errors. */
export async function importUnitsFile(ctx: DomainContext, options: ImportOptions): Promise<UnitImportReport> {
  const { db } = ctx;
  const shares = options.preview ? phaseShares.preview : phaseShares.import;
  const progressOf = (phase: keyof typeof shares, done: number, total: number) => {
    const [from, to] = shares[phase];
    options.progress?.(Math.round(from + ((to - from) * done) / Math.max(total, 1)), 1000, phase);
  };
  progressOf('read', 0, 1);
  const table = options.table ?? (await readTable(options.fileName, options.bytes));
  options.throwIfCancelled?.();
  const check = () => {
    progressOf('check', 0, table.rows.length);
    const checked = validateRows(
      table,
      bulkRegistryLookups(db, localDate(ctx.now())),
      options.preview ? (options.previewLimit ?? previewRowLimit) : 0,
      (done, total) => {
        options.throwIfCancelled?.();
        progressOf('check', done, total);
      },
      options.mode ?? 'add',
    );
    options.throwIfCancelled?.();
    progressOf('check', 1, 1);
    const report: UnitImportReport = {
      fileName: options.fileName,
      format: table.format,
      encoding: table.encoding,
      totalRows: table.rows.length,
      imported: 0,
      streetsCreated: 0,
      errors: checked.errors,
      warnings: checked.warnings,
      rows: checked.preview,
      rowsTruncated: checked.previewTruncated,
      ...(checked.counts ? { counts: checked.counts } : {}),
    };
    return { checked, report };
  };
  if (options.preview) return check().report;
  // Checked inside the write transaction: a unit another window added since the preview is
  // caught as a duplicate here, not as a constraint failure halfway through the rows.
  return db.transaction((): UnitImportReport => {
    const { checked, report } = check();
    if (checked.errors.length > 0) return report;
    const written = writeUnits(db, checked.drafts, {
      workstationId: ctx.workstation.id,
      enteredBy: ctx.actor.userId,
      now: ctx.now(),
      onProgress(done, total) {
        options.throwIfCancelled?.();
        progressOf('write', done, total);
      },
      beforeCommit(result) {
        ctx.audit({
          action: 'units.import',
          subject: options.fileName,
          data: { ...result, format: table.format, encoding: table.encoding },
        });
      },
    });
    return { ...report, imported: written.imported, streetsCreated: written.streetsCreated, ...(written.paperRows > 0 ? { paperRows: written.paperRows } : {}), rows: [], rowsTruncated: false };
  }).immediate();
}

/** The API's form of a refusal: BAD_INPUT with one issue per error, path [line, column]. */
export function refusalOf(report: UnitImportReport): DxError {
  const count = report.errors.length;
  return new DxError('BAD_INPUT', `导入被拒绝：${count} 处错误，未写入任何单位 (import refused: ${count} errors, nothing written)`, {
    issues: report.errors.map((error) => ({ path: error.column === undefined ? [error.line] : [error.line, error.column], message: error.message })),
    report,
  });
}
