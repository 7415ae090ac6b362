/**
 * Checks the PDF signature this app writes (adbe.pkcs7.detached, SHA-256, RSA) without trusting
 * anything in the file. The signature is found through the document's structure, as a PDF reader
 * finds it (trailer → catalog → /AcroForm → the signature field's /V), never by searching the
 * text: a unit name holding `/ByteRange [0 10 20 30]` is only ever the name it is. The byte
 * range must then be exactly the whole file but the /Contents string, the CMS is read strictly
 * (cms-der.ts), the digest of those bytes must be the signed one, and the RSA signature over the
 * signed attributes must verify with the embedded certificate. Which certificates are trusted is
 * the caller's question. Any malformed input ends as `PdfSignatureProblem`, never a crash.
 */
import crypto from 'node:crypto';
import { CmsProblem, parseStrictCms } from './cms-der';
import { isDict, isName, isString, PdfDocument, PdfStructureError, textOf } from './pdf-objects';
import type { PdfDict, PdfString, PdfValue } from './pdf-objects';

export type PdfSignatureFault =
  /** No signature of ours, malformed, or not a PDF at all. */
  | 'not-signed'
  /** Signed, but the bytes or the signature do not match. */
  | 'tampered';

/** What a located signature says about its document even when it does not hold (its /Reason, the Info entries). */
export interface SignatureHints {
  reason: string | null;
  info(key: string): string | null;
}

export class PdfSignatureProblem extends Error {
  hints: SignatureHints | null = null;

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
  /** The signature dictionary's /Reason and /Name (inside the signed bytes). */
  reason: string | null;
  name: string | null;
  /** A text entry of the document's Info dictionary (inside the signed bytes), or null. */
  info(key: string): string | null;
}

function notSigned(message: string): never {
  throw new PdfSignatureProblem('not-signed', message);
}

function tampered(message: string): never {
  throw new PdfSignatureProblem('tampered', message);
}

interface SignatureLocation {
  ranges: [number, number, number, number];
  contents: PdfString;
  dictionary: PdfDict;
}

function openPdf(pdf: Buffer): PdfDocument {
  try {
    return new PdfDocument(pdf);
  } catch (error) {
    if (error instanceof PdfStructureError) return notSigned(`the PDF's structure cannot be read: ${error.message}`);
    throw error;
  }
}

/** The signature fields of the form that carry a signature (/V), following /Kids one level down. */
function signedFields(document: PdfDocument, form: PdfDict): PdfDict[] {
  const fields = document.get(form, 'Fields');
  if (!Array.isArray(fields)) return [];
  const found: PdfDict[] = [];
  const visit = (value: PdfValue | undefined, depth: number) => {
    const field = document.resolve(value);
    if (!isDict(field) || depth > 4) return;
    const kids = document.get(field, 'Kids');
    if (Array.isArray(kids)) for (const kid of kids) visit(kid, depth + 1);
    const signature = document.get(field, 'V');
    if (isName(document.get(field, 'FT'), 'Sig') && isDict(signature)) found.push(signature);
  };
  for (const field of fields) visit(field, 0);
  return found;
}

function locateSignature(document: PdfDocument): SignatureLocation {
  const catalog = document.get(document.trailer, 'Root');
  if (!isDict(catalog)) notSigned('the PDF has no catalog');
  const form = document.get(catalog, 'AcroForm');
  if (!isDict(form)) notSigned('the PDF carries no signature');
  const signatures = signedFields(document, form);
  if (signatures.length === 0) notSigned('the PDF carries no signature');
  if (signatures.length > 1) tampered('the PDF carries more than one signature: something was signed into it after the workstation signed');
  const dictionary = signatures[0]!;
  const range = document.get(dictionary, 'ByteRange');
  const contents = document.get(dictionary, 'Contents');
  if (!Array.isArray(range) || range.length !== 4 || !range.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0)) notSigned('the signature has no byte range');
  if (!isString(contents) || !contents.hex || contents.bytes.length === 0) notSigned('the signature contents are malformed');
  const ranges = range as [number, number, number, number];
  const [start, firstLength, secondStart, secondLength] = ranges;
  if (start !== 0 || firstLength <= 0 || secondStart <= firstLength || secondStart + secondLength > document.bytes.length) notSigned('the signature’s byte range does not fit the file');
  if (secondStart + secondLength !== document.bytes.length) tampered('bytes were added after the signed part of the file');
  // The one gap in the signed bytes must be exactly the signature's own /Contents string.
  if (firstLength !== contents.start || secondStart !== contents.end) tampered('the signed byte range leaves out more than the signature');
  return { ranges, contents, dictionary };
}

function verifyLocated(document: PdfDocument, located: SignatureLocation): Omit<VerifiedPdfSignature, 'info'> {
  const pdf = document.bytes;
  let cms: ReturnType<typeof parseStrictCms>;
  try {
    cms = parseStrictCms(located.contents.bytes);
  } catch (error) {
    if (error instanceof CmsProblem) return tampered(`the signature is not the CMS this system writes: ${error.message}`);
    throw error;
  }
  const { ranges } = located;
  const signedBytes = Buffer.concat([pdf.subarray(ranges[0], ranges[0] + ranges[1]), pdf.subarray(ranges[2], ranges[2] + ranges[3])]);
  const digest = crypto.createHash('sha256').update(signedBytes).digest();
  if (!cms.messageDigest.equals(digest)) tampered('the signed bytes were changed after signing');
  let publicKey: crypto.KeyObject;
  try {
    const certificate = new crypto.X509Certificate(cms.certificateDer);
    if (!Buffer.from(certificate.raw).equals(cms.certificateDer)) throw new Error('not DER');
    publicKey = certificate.publicKey;
  } catch {
    return tampered('the signer’s certificate cannot be read');
  }
  if (!crypto.verify('sha256', cms.signedAttributes, publicKey, cms.signature)) tampered('the signature does not match the signed bytes');
  const text = (key: string) => {
    const value = document.get(located.dictionary, key);
    return isString(value) ? textOf(value) : null;
  };
  return { certificateDer: cms.certificateDer, signingTime: cms.signingTime, reason: text('Reason'), name: text('Name') };
}

function infoOf(document: PdfDocument): (key: string) => string | null {
  return (key) => {
    try {
      const info = document.get(document.trailer, 'Info');
      const value = isDict(info) ? document.get(info, key) : undefined;
      return isString(value) ? textOf(value) : null;
    } catch (error) {
      if (error instanceof PdfStructureError) return null;
      throw error;
    }
  };
}

/** Verifies the PDF's signature; throws `PdfSignatureProblem` saying what is wrong. */
export function verifyPdfSignature(pdf: Buffer): VerifiedPdfSignature {
  const document = openPdf(pdf);
  let located: SignatureLocation;
  try {
    located = locateSignature(document);
  } catch (error) {
    if (error instanceof PdfStructureError) return notSigned(`the PDF's structure cannot be read: ${error.message}`);
    throw error;
  }
  try {
    return { ...verifyLocated(document, located), info: infoOf(document) };
  } catch (error) {
    if (error instanceof PdfSignatureProblem) {
      const reason = document.get(located.dictionary, 'Reason');
      error.hints = { reason: isString(reason) ? textOf(reason) : null, info: infoOf(document) };
    }
    throw error;
  }
}

/**
 * A text entry of the PDF's Info dictionary, e.g. `/DingxingQR`, read through the trailer's /Info
 * (never by searching the file: the XMP metadata repeats the unit name as plain text).
 */
export function readInfoString(pdf: Buffer, key: string): string | null {
  try {
    return infoOf(new PdfDocument(pdf))(key);
  } catch (error) {
    if (error instanceof PdfStructureError) return null;
    throw error;
  }
}
