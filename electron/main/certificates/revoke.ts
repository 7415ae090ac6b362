/**
 * Revocations: by hand (a leader, with a reason), or automatically when a veto or a newer signed
 * assessment of the unit supersedes what a certificate rests on. Append-only records, one per
 * certificate; this module is their one writer.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Certificate } from '@shared/api/procedures/certificates';
import type { RevocationCause } from '@shared/domain/certificate';
import { newId } from '../platform/ids';
import { localDate } from '../context/local-date';
import type { DomainContext } from '../context/domain-context';
import { prepared } from '../db/statements';
import { getCertificateRow, toCertificate } from './repository';

interface RevocationRecord {
  certificateId: string;
  workstationId: string;
  cause: RevocationCause;
  reason: string;
  assessmentId: string | null;
  revokedOn: string;
  revokedBy: string;
  at: string;
}

function insertRevocation(db: Database, record: RevocationRecord): void {
  db.prepare(
    `INSERT INTO certificate_revocations (id, certificate_id, workstation_id, cause, reason, assessment_id, revoked_on, revoked_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(newId(), record.certificateId, record.workstationId, record.cause, record.reason, record.assessmentId, record.revokedOn, record.revokedBy, record.at);
}

export function revokeCertificate(ctx: DomainContext, id: string, reason: string): Certificate {
  const revokedBy = ctx.actor.userId;
  const now = ctx.now();
  ctx.db.transaction(() => {
    const row = getCertificateRow(ctx.db, id);
    if (row.cause !== null) {
      throw new DxError('CONFLICT', `证书 ${row.number} 已于 ${row.revoked_on} 撤销 / certificate ${row.number} was already revoked on ${row.revoked_on}`, { reason: 'already-revoked' });
    }
    insertRevocation(ctx.db, { certificateId: id, workstationId: ctx.workstation.id, cause: 'manual', reason, assessmentId: null, revokedOn: localDate(now), revokedBy, at: now.toISOString() });
    ctx.audit({ action: 'certificate.revoke', subject: id, data: { number: row.number, reason } });
  }).immediate();
  return toCertificate(getCertificateRow(ctx.db, id), localDate(now));
}

export interface DecisionRevocation {
  workstationId: string;
  unitId: string;
  /** The assessment whose signing revokes; certificates resting on it are kept. */
  assessmentId: string;
  cause: 'veto' | 'superseded';
  on: string;
  /** When the revoking decision was recorded. */
  at: Date;
  by: string;
}

/**
 * Revokes the unit's unrevoked certificates that rest on another assessment. Runs inside the
 * caller's transaction (signing an assessment); returns how many were revoked.
 */
export function revokeForDecision(db: Database, decision: DecisionRevocation): number {
  // Cached: signing runs this for every assessment, and a bundle or the demo signs thousands.
  const ids = (
    prepared(
      db,
      `SELECT c.id FROM certificates c LEFT JOIN certificate_revocations r ON r.certificate_id = c.id
        WHERE c.unit_id = ? AND c.assessment_id <> ? AND r.id IS NULL`,
    ).all(decision.unitId, decision.assessmentId) as { id: string }[]
  ).map((row) => row.id);
  const reason = decision.cause === 'veto' ? `一票否决（评定 ${decision.assessmentId}） (veto in assessment ${decision.assessmentId})` : `被评定 ${decision.assessmentId} 取代 (superseded by assessment ${decision.assessmentId})`;
  const at = decision.at.toISOString();
  for (const certificateId of ids) {
    insertRevocation(db, { certificateId, workstationId: decision.workstationId, cause: decision.cause, reason, assessmentId: decision.assessmentId, revokedOn: decision.on, revokedBy: decision.by, at });
  }
  return ids.length;
}
