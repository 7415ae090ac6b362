/**
 * Issuing a certificate from a signed assessment. The keys are unlocked before anything is
 * written (a wrong passphrase changes nothing); the number is taken, the QR payload signed and
 * the row inserted in one immediate transaction, so numbers stay gap-free per workstation,
 * cycle and district. A second issue for the same assessment returns the first certificate.
 */
import type { Certificate } from '@shared/api/procedures/certificates';
import { certificateNumber, validUntilFor } from '@shared/domain/certificate';
import type { CertificatePayload } from '@shared/domain/certificate';
import { newId } from '../ids';
import { localDate } from '../context/local-date';
import { signPayload } from '../crypto/qr-payload';
import { authorityFor } from './authority';
import type { DomainContext } from '../context/domain-context';
import type { KeyStore } from '../crypto/key-store';
import { unlockedKeys } from './signing-keys';
import { issuableAssessment } from './issuable';
import { findByAssessment, getCertificateRow, toCertificate } from './repository';

export interface IssueOutcome {
  certificate: Certificate;
  created: boolean;
}

export async function issueCertificate(ctx: DomainContext, keyStore: KeyStore | null, assessmentId: string): Promise<IssueOutcome> {
  const issuedBy = ctx.actor.userId;
  const today = () => localDate(ctx.now());
  const existing = findByAssessment(ctx.db, assessmentId);
  if (existing) return { certificate: toCertificate(existing, today()), created: false };
  issuableAssessment(ctx.db, assessmentId);
  const keys = await unlockedKeys(ctx, keyStore);
  const now = ctx.now();
  const issuedOn = localDate(now);
  const outcome = ctx.db.transaction((): { id: string; created: boolean } => {
    const raced = findByAssessment(ctx.db, assessmentId);
    if (raced) return { id: raced.id, created: false };
    const assessment = issuableAssessment(ctx.db, assessmentId);
    const last = ctx.db
      .prepare('SELECT COALESCE(MAX(sequence), 0) FROM certificates WHERE workstation_id = ? AND cycle = ? AND district_code = ?')
      .pluck()
      .get(ctx.workstation.id, assessment.cycle, assessment.districtCode) as number;
    const sequence = last + 1;
    const number = certificateNumber(assessment.cycle, assessment.districtCode, sequence);
    const payload: CertificatePayload = {
      n: number,
      u: assessment.unitName,
      c: assessment.uscc ?? assessment.unitId,
      s: assessment.stars,
      y: assessment.cycle,
      i: issuedOn,
      e: validUntilFor(assessment.cycle),
      w: ctx.workstation.id,
    };
    const id = newId();
    ctx.db
      .prepare(
        `INSERT INTO certificates (id, workstation_id, number, sequence, assessment_id, unit_id, unit_name, uscc, district_code, cycle, stars,
                                   issued_on, valid_until, authority, qr_payload, issued_by, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, ctx.workstation.id, number, sequence, assessment.id, assessment.unitId, assessment.unitName, assessment.uscc, assessment.districtCode, assessment.cycle, assessment.stars, payload.i, payload.e, authorityFor(ctx.db, assessment.districtCode), signPayload(payload, keys.ed25519PrivateKey), issuedBy, now.toISOString());
    ctx.audit({ action: 'certificate.issue', subject: id, data: { number, assessmentId, unitId: assessment.unitId, stars: assessment.stars } });
    return { id, created: true };
  }).immediate();
  return { certificate: toCertificate(getCertificateRow(ctx.db, outcome.id), today()), created: outcome.created };
}
