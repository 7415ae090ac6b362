/** Handlers of the unit registry procedures; imports run as worker jobs so the window stays responsive. */
import fs from 'node:fs';
import { DxError } from '@shared/api/errors';
import { formatMegabytes, maxImportFileBytes } from '@shared/limits';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { unitProcedures } from '@shared/api/procedures/units';
import type { CoreServices } from '../core-services';
import { createUnit, updateUnit } from '../../units/unit-commands';
import { getUnitRow, listDistricts, listUnits } from '../../units/unit-queries';
import { unitHistory, unitRecord } from '../../registry/unit-record';
import type { ImportJobInput } from '../../units-import/import-jobs';
import { issuesCsv } from '@shared/text/issues-csv';
import { errorsCsvFileName, errorsPage, rowsPage, summaryOf } from '../../units-import/preview-pages';

type UnitHandlers = Pick<HandlerMap, keyof typeof unitProcedures>;

/**
 * A file the window sent in pieces (files.startUpload): sending a 10 MB file as one JSON call
 * held the page's thread for ~0.5 s. Read whole, within the one import limit, then let go.
 */
function uploadedImportFile(services: CoreServices, ownerId: string, uploadId: string): { fileName: string; bytes: Uint8Array } {
  const upload = services.transfers.takeUpload(ownerId, uploadId);
  try {
    if (fs.statSync(upload.file).size > maxImportFileBytes) {
      throw new DxError('TOO_LARGE', `文件超过 ${formatMegabytes(maxImportFileBytes)} 的上限 / the file is over the ${formatMegabytes(maxImportFileBytes)} limit`, { limitBytes: maxImportFileBytes });
    }
    return { fileName: upload.fileName, bytes: fs.readFileSync(upload.file) };
  } finally {
    services.transfers.release(uploadId);
  }
}

export function unitHandlers(services: CoreServices): UnitHandlers {
  const { db } = services;
  return {
    'districts.list': () => listDistricts(db),
    'units.list': (input) => listUnits(db, input),
    'units.get': ({ id }) => ({ unit: getUnitRow(db, id), history: unitHistory(db, id, services.workstation.id), record: unitRecord(db, id, services.workstation.id) }),
    'units.create': (fields, context) => createUnit(context.domain(), fields),
    'units.update': ({ id, fields }, context) => updateUnit(context.domain(), id, fields),
    'units.importPreview': async (input, context) => {
      const actor = requireActor(context);
      const job: ImportJobInput = 'uploadId' in input
        ? { ...uploadedImportFile(services, actor.userId, input.uploadId), mode: input.mode ?? 'add' }
        : { fileName: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), mode: input.mode ?? 'add' };
      const report = await context.runJob(job);
      return summaryOf(services.importSessions.open(actor.userId, { ...job, report }));
    },
    'units.importPreviewRows': ({ token, only, offset, limit }, context) => rowsPage(services.importSessions.get(token, requireActor(context).userId), only, offset, limit),
    'units.importPreviewErrors': ({ token, offset, limit }, context) => errorsPage(services.importSessions.get(token, requireActor(context).userId), offset, limit),
    'units.importErrorsCsv': ({ token }, context) => {
      const session = services.importSessions.get(token, requireActor(context).userId);
      return { fileName: errorsCsvFileName(session.fileName), csv: issuesCsv(session.report.errors) };
    },
    'units.import': async (input, context) => {
      const actor = requireActor(context);
      if ('token' in input) {
        // The very file and mode that were previewed, checked again as they are written.
        const session = services.importSessions.get(input.token, actor.userId);
        const job: ImportJobInput = { fileName: session.fileName, bytes: session.bytes, mode: session.mode };
        const report = await context.runJob(job);
        services.importSessions.close(session.token);
        return report;
      }
      const job: ImportJobInput = { fileName: input.fileName, bytes: Buffer.from(input.contentBase64, 'base64'), mode: input.mode ?? 'add' };
      return context.runJob(job);
    },
  };
}
