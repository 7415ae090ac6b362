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
import { localDate } from '../assessments/deps';
import { signPayload } from '../crypto/qr-payload';
import { authorityFor } from './authority';
import type { CertificateDeps } from './deps';
import { unlockedKeys } from './deps';
import { issuableAssessment } from './issuable';
import { findByAssessment, getCertificateRow, toCertificate } from './repository';

export interface IssueOutcome {
  certificate: Certificate;
  created: boolean;
}

export async function issueCertificate(deps: CertificateDeps, assessmentId: string, issuedBy: string): Promise<IssueOutcome> {
  const today = () => localDate(deps.now());
  const existing = findByAssessment(deps.db, assessmentId);
  if (existing) return { certificate: toCertificate(existing, today()), created: false };
  issuableAssessment(deps.db, assessmentId);
  const keys = await unlockedKeys(deps);
  const now = deps.now();
  const issuedOn = localDate(now);
  const outcome = deps.db.transaction((): { id: string; created: boolean } => {
    const raced = findByAssessment(deps.db, assessmentId);
    if (raced) return { id: raced.id, created: false };
    const assessment = issuableAssessment(deps.db, assessmentId);
    const last = deps.db
      .prepare('SELECT COALESCE(MAX(sequence), 0) FROM certificates WHERE workstation_id = ? AND cycle = ? AND district_code = ?')
      .pluck()
      .get(deps.workstation.id, assessment.cycle, assessment.districtCode) as number;
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
      w: deps.workstation.id,
    };
    const id = newId();
    deps.db
      .prepare(
        `INSERT INTO certificates (id, workstation_id, number, sequence, assessment_id, unit_id, unit_name, uscc, district_code, cycle, stars,
                                   issued_on, valid_until, authority, qr_payload, issued_by, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, deps.workstation.id, number, sequence, assessment.id, assessment.unitId, assessment.unitName, assessment.uscc, assessment.districtCode, assessment.cycle, assessment.stars, payload.i, payload.e, authorityFor(deps.db, assessment.districtCode), signPayload(payload, keys.ed25519PrivateKey), issuedBy, now.toISOString());
    deps.audit({ actor: issuedBy, action: 'certificate.issue', subject: id, data: { number, assessmentId, unitId: assessment.unitId, stars: assessment.stars } });
    return { id, created: true };
  }).immediate();
  return { certificate: toCertificate(getCertificateRow(deps.db, outcome.id), today()), created: outcome.created };
}
