// Items 4 and 6 of the hostile run, against poppler's pdfsig as the independent reader:
// - a unit named `x /ByteRange [0 10 20 30]` got a plaque pdfsig called valid and `dingxing verify`
//   called tampered, because the signature was found by searching the file's text; names holding
//   PDF syntax now verify, and a name holding another certificate's /DingxingQR cannot stand in
//   for the plaque's own;
// - 216 byte positions inside the signature's DER could be changed with `verify` still saying
//   valid while pdfsig failed; now no single changed byte of the DER is valid to us unless
//   pdfsig calls it valid too.
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../../../electron/main/certificates/issue';
import { plaqueDocument } from '../../../electron/main/certificates/documents';
import { verifyCertificatePdf } from '../../../electron/main/certificates/verify';
import { certificateWorld, pdfsig, writePdf } from '../certificates/world';
import type { World } from '../certificates/world';

const today = '2026-12-02';
let world: World;

beforeAll(async () => {
  world = await certificateWorld();
});

async function plaqueOf(unitName: string): Promise<{ pdf: Buffer; number: string }> {
  const issued = await issueCertificate(world.deps, world.assess({ name: unitName }), 'leader');
  const { pdf } = await plaqueDocument(world.deps, issued.certificate.id);
  return { pdf, number: issued.certificate.number };
}

/** Where the signature's DER sits in the file: the bytes of the hex /Contents string. */
function derSpan(pdf: Buffer): { hexStart: number; derLength: number } {
  const text = pdf.toString('latin1');
  const at = text.indexOf('/Contents <') + '/Contents <'.length;
  const hex = text.slice(at, text.indexOf('>', at));
  const der = Buffer.from(hex, 'hex');
  let length = der.length;
  while (length > 0 && der[length - 1] === 0) length -= 1;
  return { hexStart: at, derLength: length };
}

/** The file with byte `index` of the DER xor-ed with `mask` (two hex digits rewritten in place). */
function withDerByte(pdf: Buffer, hexStart: number, index: number, mask: number): Buffer {
  const copy = Buffer.from(pdf);
  const at = hexStart + index * 2;
  const byte = parseInt(copy.toString('latin1', at, at + 2), 16) ^ mask;
  copy.write(byte.toString(16).padStart(2, '0'), at, 'latin1');
  return copy;
}

describe('item 4: a unit name cannot break its own plaque', () => {
  it.each(['x /ByteRange [0 10 20 30]', '结尾 %%EOF\nstartxref 0', '对象 endobj 5 0 obj', '括号) (不配对', '反斜杠 \\ 与 \\) 结尾\\', 'trailer << /Root 1 0 R >>'])('verifies the plaque of a unit named %j, and so does pdfsig', async (name) => {
    const { pdf, number } = await plaqueOf(name);
    const result = verifyCertificatePdf(world.core.services.db, pdf, today);
    expect(result, result.message).toMatchObject({ valid: true, verdict: 'valid', certificate: { number, unitName: name } });
    expect(pdfsig(writePdf(world.dir, `named-${number}.pdf`, pdf))).toContain('Signature is Valid');
  });

  it('reads the plaque’s own QR payload even when its unit name spells another certificate’s /DingxingQR', async () => {
    const other = await plaqueOf('五星的别家单位');
    const otherQr = verifyCertificatePdf(world.core.services.db, other.pdf, today);
    expect(otherQr.valid).toBe(true);
    const stored = world.core.services.db.prepare('SELECT qr_payload FROM certificates WHERE number = ?').pluck().get(other.number) as string;
    const { pdf, number } = await plaqueOf(`冒名 /DingxingQR (${stored.slice(0, 60)})`.slice(0, 90));
    const result = verifyCertificatePdf(world.core.services.db, pdf, today);
    expect(result).toMatchObject({ valid: true, certificate: { number } });
    expect(result.certificate?.number).not.toBe(other.number);
  });
});

describe('item 6: the signature’s DER is read as strictly as poppler reads it', () => {
  it('never calls a plaque valid with a byte of its DER changed, unless pdfsig does too', async () => {
    const { pdf } = await plaqueOf('严格解析测试单位');
    const { hexStart, derLength } = derSpan(pdf);
    expect(derLength).toBeGreaterThan(1000);
    const stillValid: { index: number; mask: number }[] = [];
    for (let index = 0; index < derLength; index += 1) {
      for (const mask of [0x01, 0x80]) {
        if (verifyCertificatePdf(world.core.services.db, withDerByte(pdf, hexStart, index, mask), today).valid) stillValid.push({ index, mask });
      }
    }
    // Whatever we accepted, poppler would have to accept too; as it is, no changed byte passes at all
    // (the lenient reader let 369 of these 3,142 through, most of which poppler refuses).
    const disagree = stillValid.filter(({ index, mask }) => !pdfsig(writePdf(world.dir, `der-${index}-${mask}.pdf`, withDerByte(pdf, hexStart, index, mask))).includes('Signature is Valid'));
    expect(disagree).toEqual([]);
    expect(stillValid).toEqual([]);
  });

  it('refuses another outer OID, another version, the signer named by another serial or issuer (as poppler does, the version aside)', async () => {
    const { pdf } = await plaqueOf('结构测试单位');
    const { hexStart, derLength } = derSpan(pdf);
    const der = Buffer.from(pdf.toString('latin1', hexStart, hexStart + derLength * 2), 'hex');
    const signedDataOid = der.indexOf(Buffer.from('2a864886f70d010702', 'hex'));
    const certificateDer = Buffer.from(new crypto.X509Certificate(derCertificate(der)).raw);
    const serial = Buffer.from(new crypto.X509Certificate(certificateDer).serialNumber, 'hex');
    const sidSerial = der.lastIndexOf(serial);
    const sidIssuer = der.lastIndexOf(Buffer.from('Dingxing Workstation'));
    expect([signedDataOid, sidSerial, sidIssuer].every((at) => at > 0)).toBe(true);
    // The last flag: poppler refuses it too (a version 2 poppler lets through; we do not).
    const cases: [string, number, number, boolean][] = [
      ['the outer OID is no longer signedData', signedDataOid + 8, 0x03, true],
      ['the signed data version is 2', 25, 0x03, false],
      ['the signer’s serial number is another', sidSerial + serial.length - 1, 0x01, true],
      ['the signer’s issuer is another', sidIssuer, 0x20, true],
    ];
    for (const [what, at, mask, popplerRefuses] of cases) {
      const file = withDerByte(pdf, hexStart, at, mask);
      const ours = verifyCertificatePdf(world.core.services.db, file, today);
      expect(ours.valid, what).toBe(false);
      expect(ours.verdict, what).toBe('tampered');
      expect(ours.message, what).toMatch(/not the CMS this system writes/);
      if (popplerRefuses) expect(pdfsig(writePdf(world.dir, `case-${at}.pdf`, file)), what).not.toContain('Signature is Valid');
    }
  });
});

/** The first certificate in a SignedData: the SEQUENCE after the encapsulated content's OID. */
function derCertificate(der: Buffer): Buffer {
  const data = der.indexOf(Buffer.from('2a864886f70d010701', 'hex'));
  const at = data + 9 + 4; // after the OID, the [0] IMPLICIT tag and its two-byte long length
  const length = der.readUInt16BE(at + 2);
  return der.subarray(at, at + 4 + length);
}
