/**
 * Issuing a certificate from a signed assessment. The keys are unlocked before anything is
 * written (a wrong passphrase changes nothing); the number is taken, the QR payload signed and
 * the row inserted in one immediate transaction, so numbers stay gap-free per workstation,
 * cycle and district. A second issue for the same assessment returns the first certificate.
 *
 * The number holds the code the city office gave this workstation (docs/registry.md), so two
 * laptops never issue the same one. A workstation that works with a city office (it enrolled the
 * city's identity) issues no plaque before its first city bundle brought that code; one that
 * works alone numbers without a code.
 */
import type { Certificate } from '@shared/api/procedures/certificates';
import { certificateNumber, validUntilFor } from '@shared/domain/certificate';
import type { CertificatePayload } from '@shared/domain/certificate';
import { DxError } from '@shared/api/errors';
import { newId } from '../ids';
import { workstationCodeOf } from '../workstation/workstation';
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

/** This workstation's code for its plaque numbers; refuses when it works with a city office that has not sent it yet. */
function codeForNumbers(deps: CertificateDeps): string | null {
  const code = workstationCodeOf(deps.db);
  if (code !== null) return code;
  const city = deps.db.prepare("SELECT 1 FROM trusted_workstations WHERE kind = 'city' AND revoked_at IS NULL LIMIT 1").get();
  if (city === undefined) return null;
  throw new DxError(
    'CONFLICT',
    '本工作站尚未收到市指挥部分配的工作站代码（证书编号需含此代码，以免与其他笔记本重号）：请先在 数据交换 › 市级数据包 导入市级数据包，再签发证书 / this workstation has no code from the city office yet (plaque numbers hold it, so no two laptops issue the same number): import a city bundle in 数据交换 › 市级数据包 first, then issue the plaque',
    { reason: 'no-workstation-code' },
  );
}

export async function issueCertificate(deps: CertificateDeps, assessmentId: string, issuedBy: string): Promise<IssueOutcome> {
  const today = () => localDate(deps.now());
  const existing = findByAssessment(deps.db, assessmentId);
  if (existing) return { certificate: toCertificate(existing, today()), created: false };
  issuableAssessment(deps.db, assessmentId);
  codeForNumbers(deps);
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
    const number = certificateNumber(assessment.cycle, assessment.districtCode, sequence, codeForNumbers(deps));
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
