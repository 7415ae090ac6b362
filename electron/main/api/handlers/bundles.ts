/** Handlers of 数据交换: bundle export and import run as jobs in a worker; the rest are quick reads and writes. */
import fs from 'node:fs';
import type { bundleProcedures } from '@shared/api/procedures/bundles';
import { DxError } from '@shared/api/errors';
import type { BundleKind } from '@shared/bundle/manifest';
import type { ExportResult, ImportReport } from '@shared/bundle/report';
import type { CallContext, HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { appendAudit } from '../../audit/audit-log';
import { signerMaterial } from '../../bundles/bundle-deps';
import { listExports, listImports } from '../../bundles/bundle-history';
import { listReceipts } from '../../bundles/receipt-store';
import { listConflicts } from '../../bundles/conflict-store';
import type { ConflictRow } from '../../bundles/conflict-store';
import { describeRow, workstationName } from '../../records/record-names';
import { bundleFileName } from '../../bundles/bundle-file-name';
import { resolveConflict } from '../../bundles/resolve-conflict';
import { acknowledgeWarning, warningsOf } from '../../bundles/trust-warnings';
import { checkDistrictCodes, enroll, findTrusted, listTrusted, parseIdentityFile, revokeTrust, setServedDistricts } from '../../bundles/trust-store';
import { runJob } from '../../jobs/run-job';

type BundleHandlers = Pick<HandlerMap, keyof typeof bundleProcedures>;

export function bundleHandlers(services: CoreServices): BundleHandlers {
  const db = services.db;
  const now = () => services.platform.now();

  /** The city office's door takes laptops' bundles; a laptop's door takes the city's. */
  function importFile(file: string, kind: BundleKind, context: CallContext): Promise<ImportReport> {
    return runJob(services, 'bundles.import', { file, kinds: [kind], dataDir: services.dataDir, now: now().toISOString() }, context) as Promise<ImportReport>;
  }

  async function importInput(input: { uploadId: string } | { fileName: string; contentBase64: string }, kind: BundleKind, context: CallContext): Promise<ImportReport> {
    if ('uploadId' in input) {
      const upload = services.transfers.takeUpload(requireActor(context).userId, input.uploadId);
      try {
        return await importFile(upload.file, kind, context);
      } finally {
        services.transfers.release(input.uploadId);
      }
    }
    const file = services.transfers.newFile(input.fileName);
    try {
      fs.writeFileSync(file, Buffer.from(input.contentBase64, 'base64'));
      return await importFile(file, kind, context);
    } finally {
      services.transfers.discardFile(file);
    }
  }

  async function exportFile(full: boolean, city: boolean, context: CallContext) {
    const owner = requireActor(context).userId;
    const signer = await signerMaterial(services);
    const stamp = now();
    const fileName = bundleFileName(db, services.workstation, city ? 'city' : 'workstation', stamp);
    const out = services.transfers.newFile(fileName);
    try {
      const result = (await runJob(services, 'bundles.export', { out, full, city, signer, dataDir: services.dataDir, now: stamp.toISOString() }, context)) as ExportResult;
      return { ...result, file: fileName, fileName, download: services.transfers.offerDownload(owner, out, fileName) };
    } catch (error) {
      services.transfers.discardFile(out);
      throw error;
    }
  }

  /** A conflict with its record and its source named, for people. */
  function named(conflict: ConflictRow) {
    return { ...conflict, subject: describeRow(db, conflict.table, conflict.incoming), sourceName: workstationName(db, services.workstation, conflict.source) };
  }

  return {
    'bundles.export': ({ full }, context) => exportFile(full, false, context),
    'bundles.exportCity': (_input, context) => exportFile(true, true, context),
    'bundles.import': (input, context) => importInput(input, 'workstation', context),
    'bundles.importCity': (input, context) => importInput(input, 'city', context),
    'bundles.history': () => ({ exports: listExports(db), imports: listImports(db), receipts: listReceipts(db) }),
    'bundles.conflicts': ({ status }) => listConflicts(db, status).map(named),
    'bundles.resolveConflict': async ({ id, keep }, context) => named(await services.writeGate.whenFree(() => resolveConflict(db, services.workstation.id, id, keep, requireActor(context).userId, now()))),
    'trust.list': () => listTrusted(db).map((entry) => ({ ...entry, warnings: warningsOf(db, entry.workstationId) })),
    'trust.acknowledgeWarning': ({ id, note }, context) => services.writeGate.whenFree(() => {
      const actor = requireActor(context).userId;
      return acknowledgeWarning(db, id, actor, note || null, now(), (warning) =>
        appendAudit(db, services.workstation.id, { actor, action: 'trust.acknowledgeWarning', subject: warning.id, data: { workstationId: warning.workstationId, problem: warning.problem, bundleId: warning.bundleId, note: warning.acknowledgeNote } }, now()),
      );
    }),
    'trust.add': ({ identityJson, fileName, districts }, context) => services.writeGate.whenFree(() => {
      const actor = requireActor(context).userId;
      const identity = parseIdentityFile(identityJson, fileName ?? 'identity');
      if (identity.kind === 'city' && districts !== undefined) throw new DxError('BAD_INPUT', `${identity.workstationName} 是市指挥部，不服务于区：登记它时不要指定区 (${identity.workstationName} is a city office; it serves no districts: enroll it without districts)`);
      const codes = districts === undefined ? undefined : checkDistrictCodes(db, districts);
      const outcome = enroll(db, identity, services.workstation.id, actor, now(), codes);
      if (outcome.created) appendAudit(db, services.workstation.id, { actor, action: 'trust.add', subject: outcome.entry.workstationId, data: { fingerprint: outcome.entry.fingerprint, name: outcome.entry.name, code: outcome.entry.code, districts: outcome.entry.districts } }, now());
      else if (outcome.districtsChanged) appendAudit(db, services.workstation.id, { actor, action: 'trust.districts', subject: outcome.entry.workstationId, data: { districts: outcome.entry.districts } }, now());
      return outcome;
    }),
    'trust.setDistricts': ({ workstationId, districts }, context) => services.writeGate.whenFree(() => {
      const actor = requireActor(context).userId;
      const codes = checkDistrictCodes(db, districts);
      return db.transaction(() => {
        const entry = findTrusted(db, workstationId);
        if (!entry) throw new DxError('NOT_FOUND', `信任库中没有工作站 ${workstationId} (no workstation ${workstationId} in the trust store)`);
        if (entry.kind !== 'workstation') throw new DxError('BAD_INPUT', `${entry.name} 是市指挥部，不服务于区 (${entry.name} is a city office; it serves no districts)`);
        setServedDistricts(db, workstationId, codes);
        appendAudit(db, services.workstation.id, { actor, action: 'trust.districts', subject: workstationId, data: { districts: codes } }, now());
        return findTrusted(db, workstationId) as NonNullable<ReturnType<typeof findTrusted>>;
      }).immediate();
    }),
    'trust.addCity': ({ identityJson }, context) => services.writeGate.whenFree(() => {
      const actor = requireActor(context).userId;
      const identity = parseIdentityFile(identityJson, 'identity');
      if (identity.kind !== 'city') throw new DxError('BAD_INPUT', '这不是市指挥部的身份文件：请在市指挥部运行 dingxing identity export --city --out city.id (this is not the city office’s identity file: at the city office run dingxing identity export --city --out city.id)');
      const outcome = enroll(db, identity, services.workstation.id, actor, now());
      if (outcome.created) appendAudit(db, services.workstation.id, { actor, action: 'trust.add', subject: outcome.entry.workstationId, data: { fingerprint: outcome.entry.fingerprint, name: outcome.entry.name, kind: 'city' } }, now());
      return outcome;
    }),
    'trust.revoke': ({ workstationId, reason }, context) => services.writeGate.whenFree(() => {
      const actor = requireActor(context).userId;
      const entry = revokeTrust(db, workstationId, actor, reason ?? null, now());
      appendAudit(db, services.workstation.id, { actor, action: 'trust.revoke', subject: workstationId, data: { reason: entry.revokeReason } }, now());
      return entry;
    }),
  };
}
