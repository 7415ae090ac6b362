/**
 * Checks the PDF signature this app writes (adbe.pkcs7.detached, SHA-256, RSA) without trusting
 * anything in the file: the byte range must cover the whole file but the signature itself, the
 * digest of those bytes must match the signed attributes, and the RSA signature over the
 * attributes must verify with the embedded certificate. Which certificates are trusted is the
 * caller's question. Any malformed input ends as `PdfSignatureProblem`, never a crash.
 */
import crypto from 'node:crypto';
import forge from 'node-forge';

export type PdfSignatureFault =
  /** No signature of ours, malformed, or not a PDF at all. */
  | 'not-signed'
  /** Signed, but the bytes or the signature do not match. */
  | 'tampered';

export class PdfSignatureProblem extends Error {
  constructor(
    readonly fault: PdfSignatureFault,
    message: string,
  ) {
    super(message);
    this.name = 'PdfSignatureProblem';
  }
}

export interface VerifiedPdfSignature {
  /** DER of the signer's certificate (compare with a trusted one). */
  certificateDer: Buffer;
  signingTime: Date | null;
}

function notSigned(message: string): never {
  throw new PdfSignatureProblem('not-signed', message);
}

function tampered(message: string): never {
  throw new PdfSignatureProblem('tampered', message);
}

interface SignatureLocation {
  ranges: [number, number, number, number];
  contents: Buffer;
}

/** Finds the last /ByteRange [...] and the /Contents <hex> that it brackets. */
function locateSignature(pdf: Buffer): SignatureLocation {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') notSigned('not a PDF file');
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = matches[matches.length - 1];
  if (!last) notSigned('the PDF carries no signature');
  const ranges = last.slice(1, 5).map(Number) as [number, number, number, number];
  const [start, firstLength, secondStart, secondLength] = ranges;
  if (start !== 0 || firstLength <= 0 || secondStart <= firstLength || secondStart + secondLength > pdf.length) notSigned('the signature’s byte range does not fit the file');
  if (secondStart + secondLength !== pdf.length) tampered('bytes were added after the signed part of the file');
  const gap = text.slice(firstLength, secondStart);
  const hex = /^<([0-9a-fA-F]*)>$/.exec(gap);
  if (!hex?.[1] || hex[1].length % 2 !== 0) notSigned('the signature contents are malformed');
  return { ranges, contents: Buffer.from(hex[1], 'hex') };
}

function parseCms(der: Buffer): { certificate: forge.pki.Certificate; attributes: forge.asn1.Asn1[]; signature: Buffer; digestOid: string } {
  try {
    // Trailing zero padding of the placeholder is not part of the DER.
    const fromDer = forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: { strict: boolean; parseAllBytes: boolean }) => forge.asn1.Asn1;
    const asn1 = fromDer(forge.util.createBuffer(der.toString('binary')), { strict: false, parseAllBytes: false });
    const message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData & { rawCapture: Record<string, unknown> };
    const certificate = message.certificates[0];
    const capture = message.rawCapture;
    const attributes = capture.authenticatedAttributes as forge.asn1.Asn1[] | undefined;
    const signature = capture.signature as string | undefined;
    const digestOid = forge.asn1.derToOid(capture.digestAlgorithm as string);
    if (!certificate || !attributes || !signature) throw new Error('incomplete');
    return { certificate, attributes, signature: Buffer.from(signature, 'binary'), digestOid };
  } catch {
    return notSigned('the signature is not a CMS signature this system makes');
  }
}

function attributeValue(attributes: forge.asn1.Asn1[], oid: string): forge.asn1.Asn1 | undefined {
  for (const attribute of attributes) {
    const parts = attribute.value as forge.asn1.Asn1[];
    const type = parts[0];
    const values = parts[1];
    if (type && typeof type.value === 'string' && forge.asn1.derToOid(type.value) === oid) {
      return (values?.value as forge.asn1.Asn1[] | undefined)?.[0];
    }
  }
  return undefined;
}

/** Verifies the PDF's last signature; throws `PdfSignatureProblem` saying what is wrong. */
export function verifyPdfSignature(pdf: Buffer): VerifiedPdfSignature {
  const { ranges, contents } = locateSignature(pdf);
  const cms = parseCms(contents);
  if (cms.digestOid !== forge.pki.oids.sha256) notSigned('the signature does not use SHA-256');
  const signedBytes = Buffer.concat([pdf.subarray(ranges[0], ranges[0] + ranges[1]), pdf.subarray(ranges[2], ranges[2] + ranges[3])]);
  const digest = crypto.createHash('sha256').update(signedBytes).digest();
  const messageDigest = attributeValue(cms.attributes, forge.pki.oids.messageDigest as string);
  if (!messageDigest || typeof messageDigest.value !== 'string') notSigned('the signature names no message digest');
  if (!Buffer.from(messageDigest.value, 'binary').equals(digest)) tampered('the signed bytes were changed after signing');
  // The signature covers the DER of the attributes as a SET (RFC 5652 §5.4).
  const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, cms.attributes);
  const setDer = Buffer.from(forge.asn1.toDer(set).getBytes(), 'binary');
  const certificateDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cms.certificate)).getBytes(), 'binary');
  let publicKey: crypto.KeyObject;
  try {
    publicKey = new crypto.X509Certificate(certificateDer).publicKey;
  } catch {
    return notSigned('the signer’s certificate cannot be read');
  }
  if (!crypto.verify('sha256', setDer, publicKey, cms.signature)) tampered('the signature does not match the signed bytes');
  const time = attributeValue(cms.attributes, forge.pki.oids.signingTime as string);
  let signingTime: Date | null = null;
  if (time && typeof time.value === 'string') {
    try {
      signingTime = time.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(time.value) : forge.asn1.generalizedTimeToDate(time.value);
    } catch {
      signingTime = null;
    }
  }
  return { certificateDer, signingTime };
}

const asciiLiteral = '\\(([\\x20-\\x27\\x2a-\\x5b\\x5d-\\x7e]*)\\)';

/**
 * An ASCII string entry of the PDF's Info dictionary, e.g. `/DingxingQR (DX1.…)`, written
 * inline or (as pdfkit does) as an indirect object. The last one wins, as in a PDF reader.
 */
export function readInfoString(pdf: Buffer, key: string): string | null {
  const text = pdf.toString('latin1');
  const entries = [...text.matchAll(new RegExp(`/${key}\\s*(?:${asciiLiteral}|(\\d+)\\s+0\\s+R)`, 'g'))];
  const last = entries[entries.length - 1];
  if (!last) return null;
  if (last[1] !== undefined) return last[1];
  const objects = [...text.matchAll(new RegExp(`(?:^|[\\r\\n])${last[2]}\\s+0\\s+obj\\s*${asciiLiteral}\\s*endobj`, 'g'))];
  return objects[objects.length - 1]?.[1] ?? null;
}
