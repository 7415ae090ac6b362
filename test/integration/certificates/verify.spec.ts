// Verifying certificates offline: each way a plaque can be wrong is refused with its reason.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { plaqueDocument } from '../../../electron/main/certificates/documents';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { revokeCertificate } from '../../../electron/main/certificates/revoke';
import { verifyCertificatePdf, verifyQrText } from '../../../electron/main/certificates/verify';
import { signPayload } from '../../../electron/main/crypto/qr-payload';
import { cli } from '../../helpers/cli';
import { certificateWorld, newUscc, writePdf } from './world';

async function issued() {
  const world = await certificateWorld();
  const uscc = newUscc();
  const { certificate } = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '验证测试有限公司', uscc }));
  const { pdf } = await plaqueDocument(world.as(), world.tools, certificate.id);
  return { world, certificate, pdf, uscc, db: world.core.services.db };
}

function reencoded(qr: string, change: (payload: Record<string, unknown>) => void): string {
  const [prefix, body, signature] = qr.split('.') as [string, string, string];
  const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  change(payload);
  return `${prefix}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

describe('verifying a certificate', () => {
  it('refuses a PDF with one flipped byte in the signed range as tampered', async () => {
    const { pdf, db } = await issued();
    const at = pdf.indexOf('/Title') + 2;
    pdf[at] = (pdf[at] as number) ^ 0x20;
    expect(verifyCertificatePdf(db, pdf, '2026-12-02')).toMatchObject({ valid: false, verdict: 'tampered', checks: { pdfSignature: false } });
  });

  it('refuses a QR payload with a changed field as tampered', async () => {
    const { certificate, db } = await issued();
    const forged = reencoded(certificate.qrPayload, (payload) => {
      payload.s = 5;
    });
    const result = verifyQrText(db, forged, '2026-12-02');
    expect(result).toMatchObject({ valid: false, verdict: 'tampered', checks: { qrSignature: false } });
    expect(result.message).toContain('篡改');
  });

  it('refuses a payload signed by a key it does not know as from an unknown workstation', async () => {
    const { certificate, db } = await issued();
    const stranger = crypto.generateKeyPairSync('ed25519');
    const [, body] = certificate.qrPayload.split('.') as [string, string];
    const payload = { ...JSON.parse(Buffer.from(body, 'base64url').toString('utf8')), w: '01900000-0000-7000-8000-000000000000' };
    expect(verifyQrText(db, signPayload(payload, stranger.privateKey), '2026-12-02')).toMatchObject({ valid: false, verdict: 'unknown-workstation' });
    // The same key claiming to be this workstation: the signature does not match its key.
    const impostor = { ...payload, w: certificate.workstationId };
    expect(verifyQrText(db, signPayload(impostor, stranger.privateKey), '2026-12-02')).toMatchObject({ valid: false, verdict: 'tampered' });
  });

  it('refuses a revoked certificate, naming the revocation', async () => {
    const { world, certificate, pdf, db } = await issued();
    revokeCertificate(world.as('leader'), certificate.id, '单位搬迁，牌匾收回');
    const result = verifyCertificatePdf(db, pdf, '2026-12-02');
    expect(result).toMatchObject({ valid: false, verdict: 'revoked', revocation: { cause: 'manual', reason: '单位搬迁，牌匾收回' } });
  });

  it('refuses an expired and a not yet valid certificate', async () => {
    const { certificate, db } = await issued();
    expect(verifyQrText(db, certificate.qrPayload, '2028-01-01')).toMatchObject({ valid: false, verdict: 'expired' });
    expect(verifyQrText(db, certificate.qrPayload, '2027-12-31')).toMatchObject({ valid: true });
    expect(verifyQrText(db, certificate.qrPayload, '2026-11-30')).toMatchObject({ valid: false, verdict: 'not-yet-valid' });
  });

  it('calls noise, a truncated plaque, a foreign PDF and garbage QR text not a certificate of this system', async () => {
    const { pdf, db } = await issued();
    for (const bytes of [crypto.randomBytes(200_000), pdf.subarray(0, Math.floor(pdf.length * 0.6)), Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF'), Buffer.alloc(0)]) {
      expect(verifyCertificatePdf(db, bytes, '2026-12-02')).toMatchObject({ valid: false, verdict: 'not-ours' });
    }
    for (const text of ['', 'hello', 'DX1.a.b', `DX1.${'A'.repeat(5000)}.x`, 'DX1.e30.AAAA', 'https://example.com']) {
      const result = verifyQrText(db, text, '2026-12-02');
      expect(result.verdict).toBe('not-ours');
      expect(result.message).toContain('不是本系统的证书');
    }
  });

  it('revokes the unit’s certificate when a veto is signed, and when a newer assessment supersedes it', async () => {
    const { world, certificate, uscc, db } = await issued();
    world.assess({ name: '验证测试有限公司', uscc, cycle: 2027, assessedOn: '2027-02-01', answers: { 'VETO-2': true } });
    expect(verifyQrText(db, certificate.qrPayload, '2027-02-02')).toMatchObject({ verdict: 'revoked', revocation: { cause: 'veto' } });

    const other = newUscc();
    const first = await issueCertificate(world.as('leader'), world.tools.keyStore, world.assess({ name: '复评有限公司', uscc: other }));
    const later = world.assess({ name: '复评有限公司', uscc: other, cycle: 2027, assessedOn: '2027-10-01' });
    expect(verifyQrText(db, first.certificate.qrPayload, '2027-10-02')).toMatchObject({ verdict: 'revoked', revocation: { cause: 'superseded', assessmentId: later } });
    // The newer assessment's own certificate is then the valid one.
    const second = await issueCertificate(world.as('leader'), world.tools.keyStore, later);
    expect(second.certificate.status).toBe('valid');
  });

  it('keeps revocations append-only', async () => {
    const { world, certificate, db } = await issued();
    revokeCertificate(world.as('leader'), certificate.id, '测试撤销');
    expect(() => db.prepare('DELETE FROM certificate_revocations').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE certificates SET stars = 5").run()).toThrow(/append-only/);
    expect(() => revokeCertificate(world.as('leader'), certificate.id, '再次撤销')).toThrow(/already revoked/);
  });
});

describe('dingxing verify', () => {
  it('exits 0 for a valid plaque and 1 with the reason for a tampered one, a forged QR and 100 MB of noise', async () => {
    const { world, certificate, pdf } = await issued();
    const dbFile = world.core.services.dbFile;
    const good = writePdf(world.dir, 'good.pdf', pdf);
    const valid = await cli('verify', good, '--db', dbFile, '--json');
    expect(valid.code).toBe(0);
    expect(valid.json()).toMatchObject({ valid: true, certificate: { number: certificate.number } });
    // The issuing workstation by the name people gave it, not only its id.
    world.core.services.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('workstation_name', '汉阳检查一组')").run();
    const named = await cli('verify', good, '--db', dbFile);
    expect(named.stdout).toMatch(/签发工作站 issued by: 汉阳检查一组 \(.+, this workstation\)/);

    const bad = Buffer.from(pdf);
    const at = bad.indexOf('/Title') + 2;
    bad[at] = (bad[at] as number) ^ 0x20;
    const tampered = await cli('verify', writePdf(world.dir, 'bad.pdf', bad), '--db', dbFile);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('tampered');

    const forged = await cli('verify', '--qr', reencoded(certificate.qrPayload, (payload) => (payload.u = '冒名公司')), '--db', dbFile);
    expect(forged.code).toBe(1);
    expect(forged.stdout).toContain('篡改');

    const noise = path.join(world.dir, 'noise.pdf');
    fs.writeFileSync(noise, '');
    fs.truncateSync(noise, 100 * 1024 * 1024);
    const big = await cli('verify', noise, '--db', dbFile, '--json');
    expect(big.code).toBe(1);
    expect(big.json()).toMatchObject({ verdict: 'not-ours' });

    expect((await cli('verify', '--db', dbFile)).code).toBe(2);
    expect((await cli('verify', path.join(world.dir, 'missing.pdf'), '--db', dbFile)).code).toBe(1);
  });
});
