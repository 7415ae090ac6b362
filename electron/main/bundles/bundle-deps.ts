/** Runs the bundle operations with what the core provides: connection, workstation, clock, keys, audit. */
import type { Database } from 'better-sqlite3';
import type { BundleKind } from '@shared/bundle/manifest';
import type { ExportResult, ImportReport } from '@shared/bundle/report';
import { appendAudit } from '../audit/audit-log';
import { certificateDepsOf, unlockedKeys } from '../certificates/deps';
import type { CoreServices } from '../core-services';
import { exportBundle } from './export-bundle';
import { exportCityBundle } from './export-city-bundle';
import { importBundle } from './import-bundle';
import type { BundleLimits } from './limits';
import { signerMaterialOf, signerOf } from './signer';
import type { SignerMaterial } from './signer';

export interface Progress {
  progress?(done: number, total: number, message: string): void;
  throwIfCancelled?(): void;
}

/** Unlocks the workstation key (a passphrase or the OS keychain) for signing a bundle. */
export async function signerMaterial(services: CoreServices): Promise<SignerMaterial> {
  return signerMaterialOf(await unlockedKeys(certificateDepsOf(services)));
}

/** `city`: the city office's bundle for laptops; otherwise this workstation's own work. */
export async function exportWith(db: Database, workstationId: string, actorId: string, dataDir: string, input: { out: string; full: boolean; city?: boolean; signer: SignerMaterial; now: Date }, progress: Progress = {}): Promise<ExportResult> {
  // `auditTo` in the entry itself: the export history is an ordinary table, and `audit verify`
  // must still know which head an export signed when that history and the checkpoints are gone.
  const audited = (result: ExportResult, auditTo: number) =>
    appendAudit(db, workstationId, { actor: actorId, action: 'bundle.export', subject: result.bundleId, data: { kind: input.city === true ? 'city' : 'workstation', sequence: result.sequence, full: result.full, counts: result.counts, file: result.file, auditTo } }, input.now);
  const options = { out: input.out, full: input.full, actorId, now: input.now, dataDir, signer: signerOf(input.signer), audited, ...progress };
  return input.city === true ? exportCityBundle(db, options) : exportBundle(db, options);
}

export async function importWith(db: Database, workstationId: string, actorId: string, dataDir: string, input: { file: string; now: Date; limits?: BundleLimits; kinds?: readonly BundleKind[] }, progress: Progress = {}): Promise<ImportReport> {
  const audited = (report: ImportReport) =>
    appendAudit(db, workstationId, {
      actor: actorId,
      action: report.status === 'imported' ? 'bundle.import' : 'bundle.refuse',
      subject: report.bundleId,
      data: { importId: report.importId, file: report.file, source: report.source?.workstationId ?? null, sequence: report.sequence, added: report.added, conflicts: report.conflicts.length, refused: report.refused },
    }, input.now);
  return importBundle(db, input.file, { ownWorkstationId: workstationId, actorId, now: input.now, dataDir, limits: input.limits, kinds: input.kinds, audited, ...progress });
}
