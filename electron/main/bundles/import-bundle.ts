/**
 * Imports one `.dxb` bundle: read within limits, verify everything, then merge in one write
 * transaction with its import report; a refused bundle changes nothing but the import history,
 * where the refusal is kept with the entry at fault and the reason. A cancel rolls back.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AuditRecord, DomainContext } from '../context/domain-context';
import { DxError } from '@shared/api/errors';
import type { BundleKind } from '@shared/bundle/manifest';
import type { ImportReport } from '@shared/bundle/report';
import { keepReceivedCheckpoints } from '../audit/checkpoints';
import { evidencePath, storeEvidenceFile } from '../assessments/evidence-store';
import { newId } from '../platform/ids';
import { receivedSequences, recordImport, recordRefusal, sequenceGaps } from './bundle-history';
import { bundleLimits } from './limits';
import type { BundleLimits } from './limits';
import { pauseChangeLog, resumeChangeLog } from './change-log';
import { checkCertificateNumbers } from './certificate-numbers';
import { applyCityParts, verifyCityParts } from './city-import';
import { mergeBundle } from './merge-bundle';
import { applyRegistry, verifyRegistry } from './registry-import';
import { checkBundleAudit } from './verify-audit';
import { checkCertificateRows } from './verify-certificates';
import { addTrustWarning } from './trust-warnings';
import { readBundle } from './read-bundle';
import type { BundleContents } from './read-bundle';
import { BundleRefused, refuse } from './refusal';
import { manifestHead, verifyBundle } from './verify-bundle';
import type { VerifiedBundle } from './verify-bundle';

export interface ImportOptions {
  dataDir: string;
  limits?: BundleLimits;
  /** The kinds of bundle this import accepts (default: both). */
  kinds?: readonly BundleKind[];
  progress?(done: number, total: number, message: string): void;
  throwIfCancelled?(): void;
  /** Appends the import's (or refusal's) audit entry in the transaction that records it. */
  audited?(report: ImportReport): void;
}

function emptyReport(file: string, now: Date, actorId: string): ImportReport {
  return {
    importId: newId(), file: path.basename(file), status: 'refused', bundleId: null, kind: null, source: null, sequence: null,
    added: {}, updated: {}, alreadyPresent: {}, skipped: {}, linked: [], conflicts: [], refused: [], sequenceGaps: [], evidenceFiles: 0,
    importedAt: now.toISOString(), importedBy: actorId,
  };
}

function auditRecord(report: ImportReport): AuditRecord {
  return {
    action: report.status === 'imported' ? 'bundle.import' : 'bundle.refuse',
    subject: report.bundleId,
    data: { importId: report.importId, file: report.file, source: report.source?.workstationId ?? null, sequence: report.sequence, added: report.added, conflicts: report.conflicts.length, refused: report.refused },
  };
}

/** Every evidence record's file must arrive in the bundle or be here already. */
function checkEvidenceFiles(bundle: VerifiedBundle, dataDir: string): void {
  const lines = bundle.records.get('evidence') ?? [];
  lines.forEach((line, index) => {
    const hash = line.sha256 as string;
    if (!bundle.evidence.has(hash) && !fs.existsSync(evidencePath(dataDir, hash))) refuse(`records/evidence.jsonl:${index + 1}`, `证据文件 ${hash} 既不在数据包中也不在本机`, `evidence file ${hash} is neither in the bundle nor here`);
  });
}

/** A door may take one kind only: laptops take city bundles, the city office takes laptops' bundles. */
function checkKind(kind: BundleKind, allowed: readonly BundleKind[] | undefined): void {
  if (allowed === undefined || allowed.includes(kind)) return;
  if (kind === 'city') refuse('manifest.json', '这是市指挥部发给笔记本的市级数据包：请在笔记本上导入', 'this is the city office’s bundle for laptops: import it on a laptop');
  refuse('manifest.json', '这是工作站（笔记本）的数据包：只有市指挥部可以导入', 'this is a workstation’s (laptop’s) bundle: only the city office imports it');
}

/** Verifies and merges a bundle, or refuses it whole; either way the outcome is kept in the history and the audit log. */
export async function importBundle(ctx: DomainContext, file: string, options: ImportOptions): Promise<ImportReport> {
  const { db } = ctx;
  const now = ctx.now();
  const ownWorkstationId = ctx.workstation.id;
  const limits = options.limits ?? bundleLimits;
  const report = emptyReport(file, now, ctx.actor.userId);
  let contents: BundleContents | undefined;
  try {
    options.progress?.(0, 1, 'verify');
    contents = await readBundle(file, limits);
    const bundle = verifyBundle(db, contents, limits);
    const manifest = bundle.manifest;
    checkKind(manifest.kind, options.kinds);
    checkEvidenceFiles(bundle, options.dataDir);
    if (manifest.kind === 'workstation') checkCertificateRows(db, bundle);
    const checkpoints = manifest.kind === 'workstation' ? checkBundleAudit(db, bundle) : [];
    if (manifest.kind === 'workstation') checkCertificateNumbers(db, bundle);
    const city = manifest.kind === 'city' ? verifyCityParts(db, bundle, ownWorkstationId) : null;
    const registry = manifest.kind === 'city' ? verifyRegistry(db, bundle, ownWorkstationId) : null;
    options.throwIfCancelled?.();
    Object.assign(report, { bundleId: manifest.bundleId, kind: manifest.kind, source: { workstationId: manifest.source.workstationId, name: manifest.source.name }, sequence: manifest.sequence });
    // Content-addressed: a file written here and then rolled back is harmless and found next time.
    for (const bytes of bundle.evidence.values()) storeEvidenceFile(options.dataDir, bytes);
    report.evidenceFiles = bundle.evidence.size;
    db.transaction(() => {
      pauseChangeLog(db);
      const outcome = mergeBundle({ db, ownWorkstationId, now: now.toISOString(), progress: (done, total) => options.progress?.(done, total, 'merge'), throwIfCancelled: options.throwIfCancelled }, bundle);
      if (checkpoints.length > 0) {
        const kept = keepReceivedCheckpoints(db, checkpoints);
        if (kept > 0) outcome.added.audit_checkpoints = kept;
        if (kept < checkpoints.length) outcome.alreadyPresent.audit_checkpoints = checkpoints.length - kept;
      }
      if (city) {
        const parts = applyCityParts(db, city, { ownWorkstationId, cityWorkstationId: manifest.source.workstationId, bundleId: manifest.bundleId, now });
        for (const kind of ['added', 'updated', 'alreadyPresent'] as const) Object.assign(outcome[kind], parts[kind]);
      }
      if (registry) {
        const picture = applyRegistry(db, registry, { ownWorkstationId, cityWorkstationId: manifest.source.workstationId, bundleId: manifest.bundleId, now: now.toISOString() });
        for (const kind of ['added', 'updated', 'alreadyPresent'] as const) Object.assign(outcome[kind], picture[kind]);
        report.skipped = picture.skipped;
        outcome.linked.push(...picture.linked);
        outcome.conflicts.push(...picture.conflicts);
      }
      // What arrived is the source's work, not ours: it was not logged for export as ours.
      resumeChangeLog(db);
      Object.assign(report, outcome, { status: 'imported' });
      report.sequenceGaps = sequenceGaps([...receivedSequences(db, manifest.source.workstationId, manifest.kind), manifest.sequence]);
      recordImport(db, report);
      ctx.audit(auditRecord(report));
    }).immediate();
    return report;
  } catch (error) {
    if (error instanceof DxError && error.code === 'CANCELLED') throw error;
    if (!(error instanceof BundleRefused)) throw error;
    const head = manifestHead(contents?.manifestBytes);
    Object.assign(report, {
      status: 'refused', bundleId: head.bundleId, kind: head.kind, sequence: head.sequence,
      source: head.workstationId ? { workstationId: head.workstationId, name: head.name ?? '' } : null,
      added: {}, updated: {}, alreadyPresent: {}, skipped: {}, linked: [], conflicts: [], refused: error.refusals,
    });
    const warning = error.warning;
    const source = report.source?.workstationId;
    recordRefusal(db, report, (refused) => {
      // An audit chain that does not extend the one held stays on the source's trust entry for a person.
      if (warning && source) addTrustWarning(db, { workstationId: source, importId: refused.importId, bundleId: refused.bundleId, sequence: refused.sequence, ...warning, createdAt: refused.importedAt });
      ctx.audit(auditRecord(refused));
    });
    return report;
  }
}
