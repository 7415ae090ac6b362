/** Handlers of 数据交换: bundle export and import run as jobs in a worker; the rest are quick reads and writes. */
import fs from 'node:fs';
import type { bundleProcedures } from '@shared/api/procedures/bundles';
import { DxError } from '@shared/api/errors';
import type { BundleKind } from '@shared/bundle/manifest';
import type { ImportReport } from '@shared/bundle/report';
import type { CallContext, HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../core-services';
import { signerMaterial } from '../../bundles/bundle-deps';
import { listExports, listImports } from '../../bundles/bundle-history';
import { listReceipts } from '../../bundles/receipt-store';
import { listConflicts } from '../../bundles/conflict-store';
import type { ConflictRow } from '../../bundles/conflict-store';
import { describeRow, workstationName } from '../../records/record-names';
import { bundleFileName } from '../../bundles/bundle-file-name';
import { recordSavedExport } from '../../bundles/export-bundle';
import type { UnsavedExport } from '../../bundles/export-bundle';
import { resolveConflict } from '../../bundles/resolve-conflict';
import { acknowledgeWarning, warningsOf } from '../../bundles/trust-warnings';
import { enroll, listTrusted, parseIdentityFile, revokeTrust, setDistricts } from '../../trust/trust-store';

type BundleHandlers = Pick<HandlerMap, keyof typeof bundleProcedures>;

export function bundleHandlers(services: CoreServices): BundleHandlers {
  const db = services.db;
  const now = () => services.platform.now();

  /** The city office's door takes laptops' bundles; a laptop's door takes the city's. */
  function importFile(file: string, kinds: BundleKind[], context: CallContext<'bundles.import'>): Promise<ImportReport> {
    return context.runJob({ file, kinds, dataDir: services.dataDir });
  }

  async function importInput(input: { uploadId: string } | { fileName: string; contentBase64: string }, kinds: BundleKind[], context: CallContext<'bundles.import'>): Promise<ImportReport> {
    if ('uploadId' in input) {
      const upload = services.transfers.takeUpload(requireActor(context).userId, input.uploadId);
      try {
        return await importFile(upload.file, kinds, context);
      } finally {
        services.transfers.release(input.uploadId);
      }
    }
    const file = services.transfers.newFile(input.fileName);
    try {
      fs.writeFileSync(file, Buffer.from(input.contentBase64, 'base64'));
      return await importFile(file, kinds, context);
    } finally {
      services.transfers.discardFile(file);
    }
  }

  /**
   * Bundles written for a download and not yet saved, by download id. Only a saved one is recorded
   * as sent: an export whose download never reached its file (a closed window, a killed command)
   * leaves the next export starting where this one did.
   */
  const unsavedExports = new Map<string, { owner: string; unsaved: UnsavedExport; recorded: boolean }>();

  /** `named`: the file name the caller gives it (the command line's --out); else one of the workstation and the date. */
  async function exportFile(full: boolean, city: boolean, named: string | undefined, context: CallContext<'bundles.export'>) {
    const owner = requireActor(context).userId;
    const signer = await signerMaterial(context.domain(), services.platform.keyStore);
    const stamp = now();
    const fileName = named ?? bundleFileName(db, services.workstation, city ? 'city' : 'workstation', stamp);
    const out = services.transfers.newFile(fileName);
    try {
      const { unsaved, ...result } = await context.runJob({ out, full, city, signer, dataDir: services.dataDir, recordWhenSaved: true });
      const download = services.transfers.offerDownload(owner, out, fileName);
      if (unsaved) {
        unsavedExports.set(download.downloadId, { owner, unsaved: { ...unsaved, file: fileName }, recorded: false });
        // Abandoned downloads lapse with their transfer; this keeps only the newest few.
        if (unsavedExports.size > 64) unsavedExports.delete(unsavedExports.keys().next().value as string);
      }
      return { ...result, file: fileName, fileName, download };
    } catch (error) {
      services.transfers.discardFile(out);
      throw error;
    }
  }

  function exportSaved(downloadId: string, context: CallContext) {
    const held = unsavedExports.get(downloadId);
    // Someone else's download answers as an unknown one.
    if (!held || held.owner !== requireActor(context).userId) {
      throw new DxError('NOT_FOUND', '没有这个导出的数据包（可能已超过一小时失效，请重新导出）/ no such exported bundle (it may have lapsed after an hour: export again)', { reason: 'export.unknown' });
    }
    if (!held.recorded) {
      recordSavedExport(context.domain(), held.unsaved);
      held.recorded = true;
    }
    return { sequence: held.unsaved.record.sequence, bundleId: held.unsaved.record.bundleId };
  }

  /** A conflict with its record and its source named, for people. */
  function named(conflict: ConflictRow) {
    return { ...conflict, subject: describeRow(db, conflict.table, conflict.incoming), sourceName: workstationName(db, services.workstation, conflict.source) };
  }

  return {
    'bundles.export': ({ full, fileName }, context) => exportFile(full, false, fileName, context),
    'bundles.exportCity': ({ fileName }, context) => exportFile(true, true, fileName, context),
    'bundles.exportSaved': ({ downloadId }, context) => exportSaved(downloadId, context),
    'bundles.import': (input, context) => importInput(input, ['workstation'], context),
    'bundles.importCity': (input, context) => importInput(input, ['city'], context),
    'bundles.importAny': (input, context) => {
      // The city office takes laptops' bundles; a laptop (an inspector or leader) takes the city's.
      const roles = requireActor(context).roles;
      const kinds: BundleKind[] = [...(roles.includes('city') ? ['workstation' as const] : []), ...(roles.some((role) => role === 'inspector' || role === 'leader') ? ['city' as const] : [])];
      return importInput(input, kinds, context);
    },
    'bundles.history': () => ({ exports: listExports(db), imports: listImports(db), receipts: listReceipts(db) }),
    'bundles.conflicts': ({ status }) => listConflicts(db, status).map(named),
    'bundles.resolveConflict': ({ id, keep }, context) => named(resolveConflict(context.domain(), id, keep)),
    'trust.list': () => listTrusted(db).map((entry) => ({ ...entry, warnings: warningsOf(db, entry.workstationId) })),
    'trust.acknowledgeWarning': ({ id, note }, context) => {
      const ctx = context.domain();
      return acknowledgeWarning(ctx.db, id, ctx.actor.userId, note || null, ctx.now(), (warning) =>
        ctx.audit({ action: 'trust.acknowledgeWarning', subject: warning.id, data: { workstationId: warning.workstationId, problem: warning.problem, bundleId: warning.bundleId, note: warning.acknowledgeNote } }),
      );
    },
    'trust.add': ({ identityJson, fileName, districts }, context) => enroll(context.domain(), parseIdentityFile(identityJson, fileName ?? 'identity'), districts),
    'trust.setDistricts': ({ workstationId, districts }, context) => setDistricts(context.domain(), workstationId, districts),
    'trust.addCity': ({ identityJson }, context) => {
      const identity = parseIdentityFile(identityJson, 'identity');
      if (identity.kind !== 'city') throw new DxError('BAD_INPUT', '这不是市指挥部的身份文件：请在市指挥部运行 dingxing identity export --city --out city.id (this is not the city office’s identity file: at the city office run dingxing identity export --city --out city.id)');
      return enroll(context.domain(), identity);
    },
    'trust.revoke': ({ workstationId, reason }, context) => revokeTrust(context.domain(), workstationId, reason ?? null),
  };
}
