/**
 * Records that are only ever written together with their audit entry (in one transaction): users,
 * signed assessments, certificates, revocations, bundle imports and exports, and the restore that
 * put this database in place. Each must find its entry in the log; one without means entries were
 * removed, whatever the hash chain says (a log emptied or cut back can still be a valid chain).
 * Only this workstation's own records are asked for: what arrived in bundles carries its
 * workstation's entries in that workstation's log.
 */
import type { Database } from 'better-sqlite3';
import { lastRestoreEntry } from '../workstation/workstation';

export const auditedKinds = ['user', 'signedAssessment', 'certificate', 'revocation', 'import', 'export', 'restore'] as const;
export type AuditedKind = (typeof auditedKinds)[number];

export const auditedKindWords: Record<AuditedKind, { zh: string; en: string }> = {
  user: { zh: '用户', en: 'user' },
  signedAssessment: { zh: '已签发的评定', en: 'signed assessment' },
  certificate: { zh: '证书', en: 'certificate' },
  revocation: { zh: '证书撤销', en: 'revocation' },
  import: { zh: '数据包导入', en: 'bundle import' },
  export: { zh: '数据包导出', en: 'bundle export' },
  restore: { zh: '恢复备份', en: 'restore' },
};

/** What the log says about the records, gathered in the one pass that checks the chain. */
export class EntryIndex {
  private readonly subjects = new Map<string, Set<string>>();
  private readonly revokedFor = new Set<string>();
  private readonly importIds = new Set<string>();
  private readonly ids = new Map<string, string>();

  add(entry: { id: string; action: string; subject: string | null; data: string }): void {
    this.ids.set(entry.id, entry.action);
    if (entry.subject !== null) {
      let subjects = this.subjects.get(entry.action);
      if (!subjects) this.subjects.set(entry.action, (subjects = new Set()));
      subjects.add(entry.subject);
    }
    // Only these few actions say more in their data than in their subject.
    if (entry.action === 'certificates.revokeForVeto' || entry.action === 'certificates.revokeSuperseded' || entry.action === 'bundle.import' || entry.action === 'bundle.refuse') {
      let data: { assessmentId?: unknown; importId?: unknown };
      try {
        data = JSON.parse(entry.data) as typeof data;
      } catch {
        return;
      }
      if (typeof data.assessmentId === 'string') this.revokedFor.add(data.assessmentId);
      if (typeof data.importId === 'string') this.importIds.add(data.importId);
    }
  }

  has(actions: readonly string[], subject: string | null): boolean {
    return subject !== null && actions.some((action) => this.subjects.get(action)?.has(subject) === true);
  }

  hasRevocationFor(assessmentId: string): boolean {
    return this.revokedFor.has(assessmentId);
  }

  hasImport(importId: string): boolean {
    return this.importIds.has(importId);
  }

  actionOf(entryId: string): string | undefined {
    return this.ids.get(entryId);
  }
}

export interface MissingEntry {
  kind: AuditedKind;
  /** The record's id (a user, assessment, certificate, revocation, import or bundle id; the restore's entry id). */
  recordId: string;
  /** The audit action that should record it. */
  action: string;
}

export interface AuditedRecordsCheck {
  ok: boolean;
  /** How many records of each kind were looked for. */
  checked: Record<AuditedKind, number>;
  /** How many have no entry (in all, and of each kind), and the first few of them. */
  missing: number;
  missingByKind: Partial<Record<AuditedKind, number>>;
  firstMissing: MissingEntry[];
}

const shownMissing = 20;

export function checkAuditedRecords(db: Database, workstationId: string, index: EntryIndex): AuditedRecordsCheck {
  const checked = Object.fromEntries(auditedKinds.map((kind) => [kind, 0])) as Record<AuditedKind, number>;
  const firstMissing: MissingEntry[] = [];
  const missingByKind: Partial<Record<AuditedKind, number>> = {};
  let missing = 0;
  const look = (kind: AuditedKind, recordId: string, action: string, found: boolean) => {
    checked[kind] += 1;
    if (found) return;
    missing += 1;
    missingByKind[kind] = (missingByKind[kind] ?? 0) + 1;
    if (firstMissing.length < shownMissing) firstMissing.push({ kind, recordId, action });
  };

  for (const id of db.prepare('SELECT id FROM users ORDER BY created_at, id').pluck().iterate() as IterableIterator<string>) {
    look('user', id, 'users.add', index.has(['users.add', 'users.createFirstAdmin'], id));
  }
  const signed = db.prepare("SELECT id FROM assessments WHERE workstation_id = ? AND status IN ('signed', 'final') ORDER BY signed_at, id").pluck();
  for (const id of signed.iterate(workstationId) as IterableIterator<string>) {
    look('signedAssessment', id, 'assessment.sign', index.has(['assessment.sign', 'assessment.import'], id));
  }
  for (const id of db.prepare('SELECT id FROM certificates WHERE workstation_id = ? ORDER BY issued_at, id').pluck().iterate(workstationId) as IterableIterator<string>) {
    look('certificate', id, 'certificate.issue', index.has(['certificate.issue'], id));
  }
  const revocations = db.prepare('SELECT id, certificate_id, cause, assessment_id FROM certificate_revocations WHERE workstation_id = ? ORDER BY created_at, id');
  for (const row of revocations.iterate(workstationId) as IterableIterator<{ id: string; certificate_id: string; cause: string; assessment_id: string | null }>) {
    if (row.cause === 'manual') look('revocation', row.id, 'certificate.revoke', index.has(['certificate.revoke'], row.certificate_id));
    else look('revocation', row.id, row.cause === 'veto' ? 'certificates.revokeForVeto' : 'certificates.revokeSuperseded', row.assessment_id !== null && index.hasRevocationFor(row.assessment_id));
  }
  for (const row of db.prepare('SELECT id, bundle_id, status FROM bundle_imports ORDER BY imported_at, id').iterate() as IterableIterator<{ id: string; bundle_id: string | null; status: string }>) {
    const action = row.status === 'imported' ? 'bundle.import' : 'bundle.refuse';
    // Entries before the import id was recorded name the bundle only.
    look('import', row.id, action, index.hasImport(row.id) || index.has([action], row.bundle_id));
  }
  for (const bundleId of db.prepare('SELECT bundle_id FROM bundle_exports ORDER BY created_at, sequence').pluck().iterate() as IterableIterator<string>) {
    look('export', bundleId, 'bundle.export', index.has(['bundle.export'], bundleId));
  }
  const restore = lastRestoreEntry(db);
  if (restore !== null) look('restore', restore, 'restore', index.actionOf(restore) === 'restore');
  return { ok: missing === 0, checked, missing, missingByKind, firstMissing };
}

/** What is missing, in both languages, for the CLI and the integrity check. */
export function describeMissing(check: AuditedRecordsCheck): string {
  const kinds = auditedKinds.filter((kind) => (check.missingByKind[kind] ?? 0) > 0);
  const zh = kinds.map((kind) => `${auditedKindWords[kind].zh} ${check.missingByKind[kind]} 条`).join('、');
  const en = kinds.map((kind) => `${check.missingByKind[kind]} ${auditedKindWords[kind].en}${check.missingByKind[kind] === 1 ? '' : 's'}`).join(', ');
  const first = check.firstMissing[0];
  const firstZh = first ? `；第一条：${auditedKindWords[first.kind].zh} ${first.recordId} 没有 ${first.action} 条目` : '';
  const firstEn = first ? `; the first: ${auditedKindWords[first.kind].en} ${first.recordId} has no ${first.action} entry` : '';
  return `审计日志缺少这些记录的条目（日志被清空或截短）：${zh}${firstZh} / the audit log has no entry for records that are always written with one (the log was emptied or cut back): ${en}${firstEn}`;
}
