/**
 * The import as worker jobs: the preview (check only) and the import (all rows or none), with
 * progress. The handler decodes the file once and hands the jobs its bytes.
 */
import type { UnitImportReport } from '@shared/api/procedures/units';
import type { JobFunction } from '../context/job-context';
import { importUnitsFile, refusalOf } from './import-units';
import type { ImportMode } from './validate-rows';

export interface ImportJobInput {
  fileName: string;
  bytes: Uint8Array;
  mode: ImportMode;
}

export const unitsImportPreviewJob: JobFunction<ImportJobInput, UnitImportReport> = (input, context) =>
  importUnitsFile(context, {
    fileName: input.fileName,
    bytes: input.bytes,
    preview: true,
    mode: input.mode,
    progress: context.progress,
    throwIfCancelled: context.throwIfCancelled,
  });

export const unitsImportJob: JobFunction<ImportJobInput, UnitImportReport> = async (input, context) => {
  const report = await importUnitsFile(context, {
    fileName: input.fileName,
    bytes: input.bytes,
    preview: false,
    mode: input.mode,
    progress: context.progress,
    throwIfCancelled: context.throwIfCancelled,
  });
  if (report.errors.length > 0) throw refusalOf(report);
  return report;
};
