/**
 * Verifying a certificate offline, from its QR text or its PDF: the Ed25519 signature of the QR
 * payload with the key of the workstation it names (this one or an enrolled one), for a PDF also
 * its PDF signature with that workstation's certificate, then revocation (known locally, or from
 * the city office's revocation notices) and validity on `today`. What a payload that did not
 * verify claims is returned apart (`claimed`), never as the certificate. A PDF this system signed
 * that is not a plaque (a batch print, a report, a summary) is named, with its signer and whether
 * its signature holds. Never throws on bad input: every failure is a verdict with its reason.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Verification } from '@shared/api/procedures/certificates';
import { signedDocumentWords, validityOn, verdictMessages } from '@shared/domain/certificate';
import type { SignedDocumentKind, VerificationVerdict } from '@shared/domain/certificate';
import { localDate } from '../context/local-date';
import { ed25519PublicKeyFromRaw } from '../crypto/identity';
import { parseQrText, signatureMatches } from '../crypto/qr-payload';
import { PdfSignatureProblem, verifyPdfSignature } from '../pdf/verify-signature';
import type { SignatureHints, VerifiedPdfSignature } from '../pdf/verify-signature';
import { qrInfoKey } from './qr-info-key';
import { findByNumber, toCertificate } from './repository';
import { documentInfoKey, documentKindOf, workstationOfSubject } from './signed-documents';
import { findRevokedWorkstation, findTrustedWorkstation } from './trusted-workstations';
import { findNotice } from './revocation-notices';

/** Plaques are ~100 KB and batches of thousands ~100 MB; a single certificate is never this big. */
import { maxCertificatePdfBytes } from '@shared/limits';

function verdict(value: VerificationVerdict, detail?: string): Pick<Verification, 'valid' | 'verdict' | 'message'> {
  const text = verdictMessages[value];
  return { valid: value === 'valid', verdict: value, message: `${text.zh} / ${text.en}${detail ? ` (${detail})` : ''}` };
}

function refused(value: VerificationVerdict, checks: Verification['checks'], detail?: string): Verification {
  return { ...verdict(value, detail), checks, certificate: null, claimed: null, revocation: null, document: null };
}

export function verifyQrText(db: Database, text: string, today: string, pdfSignature: boolean | null = null): Verification {
  const parsed = parseQrText(text);
  if (!parsed.ok) return refused('not-ours', { pdfSignature, qrSignature: null }, parsed.problem);
  const { payload } = parsed;
  const certificate = {
    number: payload.n,
    unitName: payload.u,
    unitCode: payload.c,
    stars: payload.s,
    cycle: payload.y,
    issuedOn: payload.i,
    validUntil: payload.e,
    workstationId: payload.w,
    issuer: null as 'self' | 'enrolled' | null,
    workstationName: null as string | null,
  };
  const { issuer: _issuer, ...claimed } = certificate;
  const trusted = findTrustedWorkstation(db, payload.w);
  // Nothing vouches for these values: they are only what the text claims.
  if (!trusted) {
    const revoked = findRevokedWorkstation(db, payload.w);
    if (revoked && signatureMatches(parsed, ed25519PublicKeyFromRaw(Buffer.from(revoked.ed25519PublicKey, 'base64url')))) {
      // Signed with the key of a workstation whose trust was revoked (a lost laptop): not vouched for, but the reason is known.
      const detail = `工作站 ${revoked.name} 已被撤销信任（${revoked.revokedAt.slice(0, 10)}${revoked.reason ? `：${revoked.reason}` : ''}）/ workstation ${revoked.name} was revoked on ${revoked.revokedAt.slice(0, 10)}${revoked.reason ? `: ${revoked.reason}` : ''}`;
      return { ...verdict('revoked', detail), checks: { pdfSignature, qrSignature: true }, certificate: null, claimed, revocation: null, document: null };
    }
    return { ...verdict('unknown-workstation', `workstation ${payload.w}`), checks: { pdfSignature, qrSignature: null }, certificate: null, claimed, revocation: null, document: null };
  }
  certificate.issuer = trusted.issuer;
  certificate.workstationName = trusted.name;
  if (!signatureMatches(parsed, trusted.ed25519PublicKey)) {
    return { ...verdict('tampered'), checks: { pdfSignature, qrSignature: false }, certificate: null, claimed, revocation: null, document: null };
  }
  const checks = { pdfSignature, qrSignature: true };
  const stored = findByNumber(db, payload.w, payload.n);
  if (stored && stored.cause !== null) {
    const revocation = toCertificate(stored, today).revocation;
    return { ...verdict('revoked', stored.reason ?? undefined), checks, certificate, claimed: null, revocation, document: null };
  }
  // Revoked on another workstation: known here from the city office's bundle.
  const notice = findNotice(db, payload.w, payload.n);
  if (notice) {
    return { ...verdict('revoked', notice.reason), checks, certificate, claimed: null, revocation: { cause: notice.cause, reason: notice.reason, revokedOn: notice.revokedOn, revokedBy: notice.revokedBy, assessmentId: null }, document: null };
  }
  const validity = validityOn(payload, today);
  return { ...verdict(validity), checks, certificate, claimed: null, revocation: null, document: null };
}

/** `2026-12-01 10:00`, the workstation's local time (as the signing time is shown in PDF readers here). */
function localMinute(time: Date): string {
  return `${localDate(time)} ${String(time.getHours()).padStart(2, '0')}:${String(time.getMinutes()).padStart(2, '0')}`;
}

type SignedDocument = NonNullable<Verification['document']>;

/** Who signed: the workstation named in the signing certificate, and whether that certificate is the one known for it here. */
function signerOf(db: Database, certificateDer: Buffer | null): Pick<SignedDocument, 'workstationId' | 'workstationName' | 'trusted'> {
  if (certificateDer === null) return { workstationId: null, workstationName: null, trusted: false };
  let workstationId: string | null;
  try {
    workstationId = workstationOfSubject(new crypto.X509Certificate(certificateDer).subject);
  } catch {
    workstationId = null;
  }
  const known = workstationId === null ? null : findTrustedWorkstation(db, workstationId);
  const trusted = known?.certificateDer?.equals(certificateDer) === true;
  return { workstationId, workstationName: trusted ? known?.name ?? null : null, trusted };
}

/** A signed PDF of this system that is not a plaque: what it is, who signed it, whether the signature holds. */
function otherDocument(kind: SignedDocumentKind, signer: Pick<SignedDocument, 'workstationId' | 'workstationName' | 'trusted'>, signedAt: Date | null, holds: boolean, detail: string | null): Verification {
  const document: SignedDocument = { kind, ...signer, signedAt: signedAt?.toISOString() ?? null, signature: holds ? 'valid' : 'tampered' };
  const what = signedDocumentWords[kind];
  const who = signer.workstationName ?? signer.workstationId ?? '?';
  const by = signer.trusted ? { zh: `由工作站 ${who}`, en: `signed by workstation ${who}` } : { zh: `由本机不认识的工作站 ${who}`, en: `signed by workstation ${who}, which is not known here` };
  const when = signedAt ? { zh: ` 于 ${localMinute(signedAt)} `, en: ` on ${localMinute(signedAt)}` } : { zh: ' ', en: '' };
  const state = !holds ? { zh: '签名不符，文件在签名后被改动', en: 'the signature does not hold: the file was changed after signing' } : signer.trusted ? { zh: '签名有效', en: 'signature valid' } : { zh: '签名本身完整，但签名者不受本机信任', en: 'the signature holds, but its signer is not trusted here' };
  const message = `${what.zh}，${by.zh}${when.zh}签名：${state.zh}；不是证书 / ${what.en} ${by.en}${when.en}: ${state.en}; not a plaque${detail ? ` (${detail})` : ''}`;
  return { valid: false, verdict: holds ? 'other-document' : 'tampered', message, checks: { pdfSignature: holds && signer.trusted, qrSignature: null }, certificate: null, claimed: null, revocation: null, document };
}

function kindOfHints(hints: SignatureHints | null): SignedDocumentKind | null {
  return hints ? documentKindOf(hints.info(documentInfoKey), hints.reason) : null;
}

/** Verifies a certificate PDF's bytes: its PDF signature, then its QR payload. */
export function verifyCertificatePdf(db: Database, pdf: Buffer, today: string): Verification {
  if (pdf.length > maxCertificatePdfBytes) return refused('not-ours', { pdfSignature: null, qrSignature: null }, 'file too large for a certificate');
  let signed: VerifiedPdfSignature;
  try {
    signed = verifyPdfSignature(pdf);
  } catch (error) {
    if (!(error instanceof PdfSignatureProblem)) throw error;
    if (error.fault === 'tampered') {
      const kind = kindOfHints(error.hints);
      if (kind !== null && kind !== 'plaque') return otherDocument(kind, signerOf(db, null), null, false, error.message);
      return refused('tampered', { pdfSignature: false, qrSignature: null }, error.message);
    }
    return refused('not-ours', { pdfSignature: null, qrSignature: null }, error.message);
  }
  const signerDer = signed.certificateDer;
  const kind = documentKindOf(signed.info(documentInfoKey), signed.reason);
  if (kind !== null && kind !== 'plaque') return otherDocument(kind, signerOf(db, signerDer), signed.signingTime, true, null);
  const qrText = signed.info(qrInfoKey);
  if (!qrText) return refused('not-ours', { pdfSignature: true, qrSignature: null }, 'the PDF carries no certificate payload');
  const result = verifyQrText(db, qrText, today, true);
  // A revoked workstation's plaque has no certificate to vouch for either: its reason stands.
  if (result.verdict === 'not-ours' || result.verdict === 'unknown-workstation' || result.verdict === 'tampered' || result.certificate === null) return result;
  // The PDF must be signed by the same workstation the payload names: else its values are only claimed.
  const trusted = findTrustedWorkstation(db, result.certificate?.workstationId ?? '');
  if (!trusted?.certificateDer || !trusted.certificateDer.equals(signerDer)) {
    const { issuer: _issuer, ...claimed } = result.certificate ?? { issuer: null };
    return {
      ...result, ...verdict('unknown-workstation', 'the PDF was signed with another certificate than the issuing workstation’s'),
      checks: { pdfSignature: false, qrSignature: result.checks.qrSignature }, certificate: null, claimed: result.certificate ? (claimed as NonNullable<Verification['claimed']>) : null, revocation: null,
    };
  }
  return result;
}
