/**
 * The demo's certificates (CONTRACTS: `dingxing demo` makes units, assessments over several
 * cycles, and certificates): one plaque for each current signed assessment of the latest cycle
 * with at least one star. Signing needs the workstation's keys, made beforehand by
 * `dingxing identity create` (or an admin in the app) and unlocked without asking anyone; the
 * demo never makes them and never prompts, so without them the plaques are skipped and the
 * reason, with what to do, is said.
 */
import { DxError } from '@shared/api/errors';
import type { DomainContext } from '../context/domain-context';
import type { KeyStore } from '../crypto/key-store';
import { unlockedKeys } from '../certificates/signing-keys';
import { issueCertificate } from '../certificates/issue';
import { readPublicIdentity } from '../crypto/identity';
import { keysAtHand } from '../crypto/workstation-keys';

export interface SkippedCertificates {
  reason: 'no-keys' | 'keys-locked' | 'wrong-passphrase' | 'keys-refused';
  message: string;
  messageEn: string;
}

export type DemoCertificates = { issued: number; skipped: null } | { issued: 0; skipped: SkippedCertificates };

function skipped(reason: SkippedCertificates['reason'], message: string, messageEn: string): DemoCertificates {
  return { issued: 0, skipped: { reason, message, messageEn } };
}

export async function issueDemoCertificates(ctx: DomainContext, keyStore: KeyStore | null, progress?: (done: number, total: number) => void): Promise<DemoCertificates> {
  if (readPublicIdentity(ctx.db, ctx.workstation) === null) {
    return skipped('no-keys', '本工作站还没有密钥，未签发证书：先创建密钥（dingxing identity create，或管理员在 设置 › 系统状态），再到 证书 签发', 'no certificates were issued: this workstation has no keys yet; make them first (dingxing identity create, or an admin in Settings › System status), then issue the plaques');
  }
  if (!keysAtHand({ db: ctx.db, workstation: ctx.workstation, keyStore })) {
    return skipped('keys-locked', '工作站密钥未解锁，未签发证书：设置 DINGXING_KEY_PASSPHRASE 后再运行，或由组长在应用中解锁后签发', 'no certificates were issued: the workstation keys are locked; set DINGXING_KEY_PASSPHRASE and run again, or have a team leader unlock them in the app and issue the plaques');
  }
  try {
    await unlockedKeys(ctx, keyStore);
  } catch (error) {
    if (!(error instanceof DxError) || error.code !== 'REFUSED') throw error;
    const [zh, en] = error.message.split(' / ');
    return skipped(error.details?.reason === 'wrong-passphrase' ? 'wrong-passphrase' : 'keys-refused', `工作站密钥无法解锁，未签发证书（${zh}）`, `the workstation keys could not be unlocked, so no certificates were issued (${en ?? error.message})`);
  }
  const ids = ctx.db
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
  ctx.db.exec('BEGIN IMMEDIATE');
  try {
    const every = Math.max(1, Math.floor(ids.length / 100));
    for (const [index, id] of ids.entries()) {
      if ((await issueCertificate(ctx, keyStore, id)).created) issued += 1;
      if ((index + 1) % every === 0 || index + 1 === ids.length) progress?.(index + 1, ids.length);
    }
    ctx.db.exec('COMMIT');
  } catch (error) {
    if (ctx.db.inTransaction) ctx.db.exec('ROLLBACK');
    throw error;
  }
  return { issued, skipped: null };
}
