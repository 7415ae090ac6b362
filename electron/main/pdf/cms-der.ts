/**
 * Reads the CMS SignedData of a PDF signature strictly, as DER (RFC 5652, X.690 §10): every
 * length definite and in its shortest form, every tag where the structure puts it, the expected
 * object identifiers (signedData, data, SHA-256, RSA), exactly one certificate and one signer,
 * only the three signed attributes this app writes, and the signer named by the issuer and serial
 * number of that very certificate. A byte changed anywhere in the structure is a refusal, never
 * a signature read leniently (a lenient reader let 216 such bytes through that poppler refuses).
 * After the DER only the placeholder's zero padding may follow.
 */

export class CmsProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CmsProblem';
  }
}

function fail(message: string): never {
  throw new CmsProblem(message);
}

interface Tlv {
  tag: number;
  /** Offset of the tag byte, of the value, and after the value. */
  start: number;
  valueStart: number;
  end: number;
}

const tags = { integer: 0x02, bitString: 0x03, octetString: 0x04, null: 0x05, oid: 0x06, utcTime: 0x17, generalizedTime: 0x18, sequence: 0x30, set: 0x31, context0: 0xa0 } as const;

const oids = {
  signedData: '2a864886f70d010702',
  data: '2a864886f70d010701',
  sha256: '608648016503040201',
  rsaEncryption: '2a864886f70d010101',
  sha256WithRsa: '2a864886f70d01010b',
  contentType: '2a864886f70d010903',
  messageDigest: '2a864886f70d010904',
  signingTime: '2a864886f70d010905',
} as const;

function readTlv(der: Buffer, at: number, limit: number): Tlv {
  if (at + 2 > limit) fail(`the signature ends inside an element at byte ${at}`);
  const tag = der[at]!;
  if ((tag & 0x1f) === 0x1f) fail(`a multi-byte tag at byte ${at}`);
  const first = der[at + 1]!;
  let length: number;
  let valueStart: number;
  if (first < 0x80) {
    length = first;
    valueStart = at + 2;
  } else {
    const count = first & 0x7f;
    if (count === 0) fail(`an indefinite length at byte ${at + 1} (not DER)`);
    if (count > 3) fail(`a length of ${count} bytes at byte ${at + 1}`);
    if (at + 2 + count > limit) fail(`the signature ends inside a length at byte ${at + 1}`);
    if (der[at + 2] === 0) fail(`a length with a leading zero at byte ${at + 1} (not DER)`);
    length = der.readUIntBE(at + 2, count);
    if (length < 0x80) fail(`a long length form for ${length} bytes at byte ${at + 1} (not DER)`);
    valueStart = at + 2 + count;
  }
  const end = valueStart + length;
  if (end > limit) fail(`an element at byte ${at} runs past its container`);
  return { tag, start: at, valueStart, end };
}

function expectTag(der: Buffer, tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) fail(`${what} has tag 0x${tlv.tag.toString(16)} at byte ${tlv.start}, expected 0x${tag.toString(16)}`);
  return tlv;
}

/** The elements inside a constructed one, which must fill it exactly. */
function children(der: Buffer, parent: Tlv): Tlv[] {
  const found: Tlv[] = [];
  let at = parent.valueStart;
  while (at < parent.end) {
    const child = readTlv(der, at, parent.end);
    found.push(child);
    at = child.end;
  }
  return found;
}

function exactly(der: Buffer, parent: Tlv, count: number, what: string): Tlv[] {
  const found = children(der, parent);
  if (found.length !== count) fail(`${what} holds ${found.length} elements, expected ${count}`);
  return found;
}

function value(der: Buffer, tlv: Tlv): Buffer {
  return der.subarray(tlv.valueStart, tlv.end);
}

function bytesOf(der: Buffer, tlv: Tlv): Buffer {
  return der.subarray(tlv.start, tlv.end);
}

function expectOid(der: Buffer, tlv: Tlv, ...allowed: string[]): string {
  expectTag(der, tlv, tags.oid, 'an object identifier');
  const hex = value(der, tlv).toString('hex');
  if (!allowed.includes(hex)) fail(`an unexpected object identifier at byte ${tlv.start}`);
  return hex;
}

/** A DER INTEGER: not empty, no redundant leading byte. */
function integerValue(der: Buffer, tlv: Tlv, what: string): Buffer {
  expectTag(der, tlv, tags.integer, what);
  const bytes = value(der, tlv);
  if (bytes.length === 0) fail(`${what} is empty`);
  if (bytes.length > 1 && ((bytes[0] === 0x00 && bytes[1]! < 0x80) || (bytes[0] === 0xff && bytes[1]! >= 0x80))) fail(`${what} is not in its shortest form (not DER)`);
  return bytes;
}

function expectVersion(der: Buffer, tlv: Tlv, version: number, what: string): void {
  const bytes = integerValue(der, tlv, what);
  if (bytes.length !== 1 || bytes[0] !== version) fail(`${what} is not ${version}`);
}

/** AlgorithmIdentifier: the OID and, for these algorithms, NULL parameters or none. */
function algorithm(der: Buffer, tlv: Tlv, what: string, ...allowed: string[]): string {
  expectTag(der, tlv, tags.sequence, what);
  const parts = children(der, tlv);
  if (parts.length < 1 || parts.length > 2) fail(`${what} holds ${parts.length} elements`);
  const oid = expectOid(der, parts[0]!, ...allowed);
  if (parts[1] && (parts[1].tag !== tags.null || parts[1].end !== parts[1].valueStart)) fail(`${what} has parameters other than NULL`);
  return oid;
}

/** The issuer Name (its whole DER) and serial number of a certificate. */
function issuerAndSerialOf(certificate: Buffer): { issuer: Buffer; serial: Buffer } {
  const outer = expectTag(certificate, readTlv(certificate, 0, certificate.length), tags.sequence, 'the certificate');
  if (outer.end !== certificate.length) fail('the certificate has bytes after it');
  const [tbs] = exactly(certificate, outer, 3, 'the certificate');
  const fields = children(certificate, expectTag(certificate, tbs!, tags.sequence, 'the certificate body'));
  const offset = fields[0]?.tag === tags.context0 ? 1 : 0;
  const serial = fields[offset];
  const issuer = fields[offset + 2];
  if (!serial || !issuer) fail('the certificate body is incomplete');
  return { serial: integerValue(certificate, serial, 'the certificate serial number'), issuer: bytesOf(certificate, expectTag(certificate, issuer, tags.sequence, 'the certificate issuer')) };
}

export interface StrictCms {
  certificateDer: Buffer;
  /** The signed attributes as the SET OF they are signed as (RFC 5652 §5.4). */
  signedAttributes: Buffer;
  messageDigest: Buffer;
  signingTime: Date | null;
  signature: Buffer;
  /** sha256WithRSAEncryption or rsaEncryption (both PKCS #1 v1.5 with SHA-256 here). */
  signatureAlgorithm: 'rsa';
}

function parseTime(der: Buffer, tlv: Tlv): Date {
  const text = value(der, tlv).toString('latin1');
  const match = tlv.tag === tags.utcTime ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text) : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) fail(`the signing time is not a DER time at byte ${tlv.start}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const year = tlv.tag === tags.utcTime ? (y >= 50 ? 1900 + y : 2000 + y) : y;
  return new Date(Date.UTC(year, mo - 1, d, h, mi, s));
}

function signedAttributes(der: Buffer, tlv: Tlv): Pick<StrictCms, 'signedAttributes' | 'messageDigest' | 'signingTime'> {
  let contentType = false;
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attribute of children(der, tlv)) {
    const [type, values] = exactly(der, expectTag(der, attribute, tags.sequence, 'a signed attribute'), 2, 'a signed attribute');
    const oid = expectOid(der, type!, oids.contentType, oids.messageDigest, oids.signingTime);
    const [only] = exactly(der, expectTag(der, values!, tags.set, 'an attribute’s values'), 1, 'an attribute’s values');
    if (oid === oids.contentType) {
      if (contentType) fail('the content type is signed twice');
      expectOid(der, only!, oids.data);
      contentType = true;
    } else if (oid === oids.messageDigest) {
      if (messageDigest) fail('the message digest is signed twice');
      const digest = value(der, expectTag(der, only!, tags.octetString, 'the message digest'));
      if (digest.length !== 32) fail('the message digest is not a SHA-256 digest');
      messageDigest = digest;
    } else {
      if (signingTime) fail('the signing time is signed twice');
      if (only!.tag !== tags.utcTime && only!.tag !== tags.generalizedTime) fail('the signing time is not a time');
      signingTime = parseTime(der, only!);
    }
  }
  if (!contentType || !messageDigest) fail('the signed attributes lack the content type or the message digest');
  // Signed as an explicit SET OF: the same bytes with the universal SET tag.
  const set = Buffer.from(bytesOf(der, tlv));
  set[0] = tags.set;
  return { signedAttributes: set, messageDigest, signingTime };
}

/** Parses the /Contents bytes (DER, then zero padding); throws `CmsProblem` saying where it is wrong. */
export function parseStrictCms(contents: Buffer): StrictCms {
  const info = expectTag(contents, readTlv(contents, 0, contents.length), tags.sequence, 'the signature');
  for (let at = info.end; at < contents.length; at += 1) if (contents[at] !== 0) fail(`bytes after the signature at byte ${at}`);
  const [contentType, explicit] = exactly(contents, info, 2, 'the signature');
  expectOid(contents, contentType!, oids.signedData);
  const [signedData] = exactly(contents, expectTag(contents, explicit!, tags.context0, 'the signed data wrapper'), 1, 'the signed data wrapper');
  const [version, digestAlgorithms, encapsulated, certificates, signerInfos] = exactly(contents, expectTag(contents, signedData!, tags.sequence, 'the signed data'), 5, 'the signed data');
  expectVersion(contents, version!, 1, 'the signed data version');
  const [digestAlgorithm] = exactly(contents, expectTag(contents, digestAlgorithms!, tags.set, 'the digest algorithms'), 1, 'the digest algorithms');
  algorithm(contents, digestAlgorithm!, 'the digest algorithm', oids.sha256);
  const [encapsulatedType] = exactly(contents, expectTag(contents, encapsulated!, tags.sequence, 'the signed content'), 1, 'the signed content (detached)');
  expectOid(contents, encapsulatedType!, oids.data);
  const [certificate] = exactly(contents, expectTag(contents, certificates!, tags.context0, 'the certificates'), 1, 'the certificates');
  const certificateDer = Buffer.from(bytesOf(contents, expectTag(contents, certificate!, tags.sequence, 'the certificate')));
  const [signerInfo] = exactly(contents, expectTag(contents, signerInfos!, tags.set, 'the signers'), 1, 'the signers');
  const [signerVersion, sid, signerDigest, attributes, signatureAlgorithm, signature] = exactly(contents, expectTag(contents, signerInfo!, tags.sequence, 'the signer'), 6, 'the signer');
  expectVersion(contents, signerVersion!, 1, 'the signer version');
  const [issuer, serial] = exactly(contents, expectTag(contents, sid!, tags.sequence, 'the signer’s issuer and serial number'), 2, 'the signer’s issuer and serial number');
  const named = issuerAndSerialOf(certificateDer);
  if (!bytesOf(contents, expectTag(contents, issuer!, tags.sequence, 'the signer’s issuer')).equals(named.issuer)) fail('the signer’s issuer is not the certificate’s');
  if (!integerValue(contents, serial!, 'the signer’s serial number').equals(named.serial)) fail('the signer’s serial number is not the certificate’s');
  algorithm(contents, signerDigest!, 'the signer’s digest algorithm', oids.sha256);
  const signed = signedAttributes(contents, expectTag(contents, attributes!, tags.context0, 'the signed attributes'));
  algorithm(contents, signatureAlgorithm!, 'the signature algorithm', oids.rsaEncryption, oids.sha256WithRsa);
  const signatureBytes = value(contents, expectTag(contents, signature!, tags.octetString, 'the signature value'));
  if (signatureBytes.length === 0) fail('the signature value is empty');
  return { certificateDer, ...signed, signature: Buffer.from(signatureBytes), signatureAlgorithm: 'rsa' };
}
