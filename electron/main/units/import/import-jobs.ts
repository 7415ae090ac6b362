/** The import as worker jobs: the preview (check only) and the import (all rows or none), with progress. */
import type { z } from 'zod';
import type { ImportFileSchema, ImportReport } from '@shared/api/procedures/units';
import type { JobFunction } from '../../jobs/job';
import { importUnitsFile, refusalOf } from './import-units';

type ImportFile = z.output<typeof ImportFileSchema>;

function bytesOf(input: ImportFile): Uint8Array {
  return Buffer.from(input.contentBase64, 'base64');
}

export const unitsImportPreviewJob: JobFunction<ImportFile, ImportReport> = (input, context) =>
  importUnitsFile({
    db: context.db,
    workstationId: context.workstationId,
    actorId: context.actorId,
    fileName: input.fileName,
    bytes: bytesOf(input),
    preview: true,
    mode: input.mode ?? 'add',
    progress: context.progress,
    throwIfCancelled: context.throwIfCancelled,
  });

export const unitsImportJob: JobFunction<ImportFile, ImportReport> = async (input, context) => {
  const report = await importUnitsFile({
    db: context.db,
    workstationId: context.workstationId,
    actorId: context.actorId,
    fileName: input.fileName,
    bytes: bytesOf(input),
    preview: false,
    mode: input.mode ?? 'add',
    progress: context.progress,
    throwIfCancelled: context.throwIfCancelled,
  });
  if (report.errors.length > 0) throw refusalOf(report);
  return report;
};
