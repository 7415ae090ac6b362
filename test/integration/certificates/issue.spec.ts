// Issuing certificates: the plaque PDF's two signatures, numbering, repeat issues and refusals.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { startAssessment } from '../../../electron/main/assessments/workflow';
import { plaqueDocument } from '../../../electron/main/certificates/documents';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { verifyCertificatePdf, verifyQrText } from '../../../electron/main/certificates/verify';
import { unlockIdentity } from '../../../electron/main/crypto/identity';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { testCore } from '../../helpers/core';
import { assessmentDocument, certificateWorld, newUscc, passphrase, pdfsig, pdftotext, scanQr, writePdf } from './world';
import { contextOf } from '../../helpers/context';

async function refusal(promise: Promise<unknown>): Promise<DxError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DxError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('issuing a certificate', () => {
  it('writes a plaque whose PDF signature poppler accepts, whose name pdftotext finds and whose printed QR verifies', async () => {
    const world = await certificateWorld();
    const assessmentId = world.assess({ name: '汉阳区鹦鹉洲物流有限公司' });
    const { certificate, created } = await issueCertificate(world.as('leader-li'), world.tools.keyStore, assessmentId);
    expect(created).toBe(true);
    expect(certificate).toMatchObject({ number: 'WH-2026-420105-000001', stars: 3, cycle: 2026, issuedOn: '2026-12-01', validUntil: '2027-12-31', status: 'valid', issuedBy: 'leader-li', authority: '武汉市“鼎星”平安创建指挥部' });
    const { pdf } = await plaqueDocument(world.as(), world.tools, certificate.id);
    const file = writePdf(world.dir, 'plaque.pdf', pdf);
    expect(pdfsig(file)).toContain('Signature is Valid');
    expect(pdftotext(file)).toContain('汉阳区鹦鹉洲物流有限公司');
    const scanned = scanQr(file, world.dir);
    expect(scanned).toBe(certificate.qrPayload);
    expect(verifyQrText(world.core.services.db, scanned, '2026-12-02')).toMatchObject({ valid: true, verdict: 'valid', certificate: { number: certificate.number, unitName: '汉阳区鹦鹉洲物流有限公司', stars: 3 } });
    expect(verifyCertificatePdf(world.core.services.db, pdf, '2026-12-02')).toMatchObject({ valid: true, checks: { pdfSignature: true, qrSignature: true } });
    expect(pdf.length).toBeLessThan(150 * 1024);
  });

  it('keeps the QR payload ASCII and short enough for a phone to read from A4', async () => {
    const world = await certificateWorld();
    const { certificate } = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '武汉经济技术开发区沌口街道某某汽车零部件制造有限公司' }));
    expect(certificate.qrPayload).toMatch(/^DX1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(certificate.qrPayload.length).toBeLessThan(420);
  });

  it('returns the existing certificate when the same assessment is issued again', async () => {
    const world = await certificateWorld();
    const assessmentId = world.assess();
    const first = await issueCertificate(world.as('leader'), world.tools.keyStore, assessmentId);
    const second = await issueCertificate(world.as('leader'), world.tools.keyStore, assessmentId);
    expect(second).toEqual({ certificate: first.certificate, created: false });
    expect(world.core.services.db.prepare('SELECT COUNT(*) FROM certificates').pluck().get()).toBe(1);
  });

  it('numbers certificates without gaps per cycle and district, with the zones’ letter codes', async () => {
    const world = await certificateWorld();
    const numbers: string[] = [];
    for (const overrides of [{ name: '甲公司' }, { name: '乙公司' }, { name: '丙公司', district: '4201DH' }, { name: '丁公司', district: '4201DH' }]) {
      numbers.push((await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess(overrides))).certificate.number);
    }
    expect(numbers).toEqual(['WH-2026-420105-000001', 'WH-2026-420105-000002', 'WH-2026-4201DH-000001', 'WH-2026-4201DH-000002']);
  });

  it('refuses a wrong passphrase clearly, issues nothing and leaves no gap in the numbering', async () => {
    const world = await certificateWorld();
    await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '先签发的公司' }));
    const assessmentId = world.assess({ name: '后签发的公司' });
    const error = await refusal(issueCertificate(world.as('leader'), world.toolsWith('wrong passphrase').keyStore, assessmentId));
    expect(error.code).toBe('REFUSED');
    expect(error.details?.reason).toBe('wrong-passphrase');
    expect(error.message).toContain('口令错误');
    expect(world.core.services.db.prepare('SELECT COUNT(*) FROM certificates').pluck().get()).toBe(1);
    expect((await issueCertificate(world.as('leader'), world.toolsWith(passphrase).keyStore, assessmentId)).certificate.number).toBe('WH-2026-420105-000002');
  });

  it('refuses while the keys are locked, saying who unlocks them and how', async () => {
    const world = await certificateWorld();
    const error = await refusal(issueCertificate(world.as('leader'), world.toolsWith(null).keyStore, world.assess()));
    expect(error.details?.reason).toBe('keys-locked');
    expect(error.message).toContain('DINGXING_KEY_PASSPHRASE');
    expect(error.message).toContain('组长或管理员');
    expect(world.core.services.db.prepare('SELECT COUNT(*) FROM certificates').pluck().get()).toBe(0);
  });

  it('never makes keys as a side effect of signing, even with a passphrase at hand', async () => {
    const core = await testCore();
    const clock = () => new Date('2026-12-01T10:00:00Z');
    const [recorded] = importAssessmentDocuments(contextOf(core, cliActor(), clock), [{ source: 'test.json', json: assessmentDocument() }]);
    const leader = contextOf(core, { userId: 'leader', name: 'leader', displayName: 'leader', roles: ['leader'] }, clock);
    const error = await refusal(issueCertificate(leader, new PassphraseKeyStore(passphrase), recorded!.id));
    expect(error.details?.reason).toBe('no-keys');
    expect(error.message).toContain('dingxing identity create');
    expect(core.services.db.prepare('SELECT COUNT(*) FROM workstation_keys').pluck().get()).toBe(0);
  });

  it('refuses an assessment that is not final, one with 0 stars and one that was superseded, with the reason', async () => {
    const world = await certificateWorld();
    const signed = world.assess({ name: '草稿单位' });
    const unitId = world.core.services.db.prepare('SELECT unit_id FROM assessments WHERE id = ?').pluck().get(signed) as string;
    const draft = startAssessment(contextOf(world.core, { userId: 'u-inspector', name: 'inspector', displayName: '检查员', roles: ['inspector'] }), { unitId, cycle: 2027, assessedOn: '2027-03-01' });
    expect((await refusal(issueCertificate(world.as('leader'), world.tools.keyStore, draft.id))).details?.reason).toBe('not-final');

    const vetoed = world.assess({ name: '否决单位', answers: { 'VETO-1': true } });
    const noStars = await refusal(issueCertificate(world.as('leader'), world.tools.keyStore, vetoed));
    expect(noStars.details?.reason).toBe('no-stars');
    expect(noStars.message).toContain('0 星');

    const uscc = newUscc();
    const older = world.assess({ name: '复评单位', uscc, assessedOn: '2026-03-01' });
    world.assess({ name: '复评单位', uscc, cycle: 2027, assessedOn: '2027-03-01' });
    expect((await refusal(issueCertificate(world.as('leader'), world.tools.keyStore, older))).details?.reason).toBe('superseded');
    expect(world.core.services.db.prepare('SELECT COUNT(*) FROM certificates').pluck().get()).toBe(0);
  });

  it('never stores the private keys in clear', async () => {
    const world = await certificateWorld();
    await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess());
    const identity = await unlockIdentity(world.core.services.db, world.core.services.workstation, new PassphraseKeyStore(passphrase));
    world.core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = fs.readFileSync(world.core.services.dbFile);
    const ed25519 = identity.ed25519PrivateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    const rsa = identity.pdfSigningKey.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
    for (const secret of [ed25519.subarray(-32), rsa.subarray(-64)]) {
      expect(file.includes(secret)).toBe(false);
      expect(file.includes(Buffer.from(secret.toString('base64')))).toBe(false);
    }
    expect(crypto.createPublicKey(identity.ed25519PrivateKey).asymmetricKeyType).toBe('ed25519');
  });
});
