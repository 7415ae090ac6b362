/**
 * The demo's certificates (CONTRACTS: `dingxing demo` makes units, assessments over several
 * cycles, and certificates): one plaque for each current signed assessment of the latest cycle
 * with at least one star. Signing needs the workstation key; the demo never asks for it, so
 * without a passphrase that unlocks it the certificates are skipped and the reason is said.
 */
import { DxError } from '@shared/api/errors';
import type { CertificateDeps } from '../certificates/deps';
import { unlockedKeys } from '../certificates/deps';
import { issueCertificate } from '../certificates/issue';

export type DemoCertificates = { issued: number; skipped: null } | { issued: 0; skipped: { message: string; messageEn: string } };

export async function issueDemoCertificates(deps: CertificateDeps, actorId: string, progress?: (done: number, total: number) => void): Promise<DemoCertificates> {
  if (deps.keyStore === null) {
    return { issued: 0, skipped: { message: '未设置 DINGXING_KEY_PASSPHRASE，工作站密钥未解锁，未签发证书', messageEn: 'DINGXING_KEY_PASSPHRASE is not set, so the workstation key stays locked and no certificates were issued' } };
  }
  try {
    await unlockedKeys(deps);
  } catch (error) {
    if (!(error instanceof DxError) || error.code !== 'REFUSED') throw error;
    return { issued: 0, skipped: { message: `工作站密钥无法解锁，未签发证书（${error.message.split(' / ')[0]}）`, messageEn: `the workstation key could not be unlocked, so no certificates were issued (${error.message.split(' / ')[1] ?? error.message})` } };
  }
  const ids = deps.db
    .prepare(
      `SELECT a.id FROM assessments a
        WHERE a.status = 'signed' AND a.awarded_stars >= 1 AND a.cycle = (SELECT max(cycle) FROM assessments WHERE status IN ('signed', 'final'))
          AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.assessment_id = a.id)
        ORDER BY a.signed_at, a.id`,
    )
    .pluck()
    .all() as string[];
  let issued = 0;
  // One transaction for all of them (each issue becomes a savepoint in it): a commit per
  // certificate waited for the disk tens of thousands of times in a city-scale demo.
  deps.db.exec('BEGIN IMMEDIATE');
  try {
    const every = Math.max(1, Math.floor(ids.length / 100));
    for (const [index, id] of ids.entries()) {
      if ((await issueCertificate(deps, id, actorId)).created) issued += 1;
      if ((index + 1) % every === 0 || index + 1 === ids.length) progress?.(index + 1, ids.length);
    }
    deps.db.exec('COMMIT');
  } catch (error) {
    if (deps.db.inTransaction) deps.db.exec('ROLLBACK');
    throw error;
  }
  return { issued, skipped: null };
}
