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
import type { Database } from 'better-sqlite3';
import type { Certificate } from '@shared/api/procedures/certificates';
import { certificateNumber, validUntilFor } from '@shared/domain/certificate';
import type { CertificatePayload } from '@shared/domain/certificate';
import { DxError } from '@shared/api/errors';
import { newId } from '../platform/ids';
import { workstationCodeOf } from '../workstation/workstation';
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

/** This workstation's code for its plaque numbers; refuses when it works with a city office that has not sent it yet. */
function codeForNumbers(db: Database): string | null {
  const code = workstationCodeOf(db);
  if (code !== null) return code;
  const city = db.prepare("SELECT 1 FROM trusted_workstations WHERE kind = 'city' AND revoked_at IS NULL LIMIT 1").get();
  if (city === undefined) return null;
  throw new DxError(
    'CONFLICT',
    '本工作站尚未收到市指挥部分配的工作站代码（证书编号需含此代码，以免与其他笔记本重号）：请先在 数据交换 › 市级数据包 导入市级数据包，再签发证书 / this workstation has no code from the city office yet (plaque numbers hold it, so no two laptops issue the same number): import a city bundle in 数据交换 › 市级数据包 first, then issue the plaque',
    { reason: 'no-workstation-code' },
  );
}

export async function issueCertificate(ctx: DomainContext, keyStore: KeyStore | null, assessmentId: string): Promise<IssueOutcome> {
  const issuedBy = ctx.actor.userId;
  const today = () => localDate(ctx.now());
  const existing = findByAssessment(ctx.db, assessmentId);
  if (existing) return { certificate: toCertificate(existing, today()), created: false };
  issuableAssessment(ctx.db, assessmentId);
  codeForNumbers(ctx.db);
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
    const number = certificateNumber(assessment.cycle, assessment.districtCode, sequence, codeForNumbers(ctx.db));
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
