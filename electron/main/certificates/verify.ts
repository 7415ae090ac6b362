/**
 * Verifying a certificate offline, from its QR text or its PDF: the Ed25519 signature of the QR
 * payload with the key of the workstation it names (this one or an enrolled one), for a PDF also
 * its PDF signature with that workstation's certificate, then revocation (known locally, or from
 * the city office's revocation notices) and
 * validity on `today`. Never throws on bad input: every failure is a verdict with its reason.
 */
import type { Database } from 'better-sqlite3';
import type { Verification } from '@shared/api/procedures/certificates';
import { validityOn, verdictMessages } from '@shared/domain/certificate';
import type { VerificationVerdict } from '@shared/domain/certificate';
import { parseQrText, signatureMatches } from '../crypto/qr-payload';
import { PdfSignatureProblem, readInfoString, verifyPdfSignature } from '../pdf/verify-signature';
import { qrInfoKey } from './plaque-pdf';
import { findByNumber, toCertificate } from './repository';
import { findTrustedWorkstation } from './trusted-workstations';
import { findNotice } from '../bundles/revocation-notices';

/** Plaques are ~100 KB and batches of thousands ~100 MB; a single certificate is never this big. */
export const maxCertificatePdfBytes = 20 * 1024 * 1024;

function verdict(value: VerificationVerdict, detail?: string): Pick<Verification, 'valid' | 'verdict' | 'message'> {
  const text = verdictMessages[value];
  return { valid: value === 'valid', verdict: value, message: `${text.zh} / ${text.en}${detail ? ` (${detail})` : ''}` };
}

function refused(value: VerificationVerdict, checks: Verification['checks'], detail?: string): Verification {
  return { ...verdict(value, detail), checks, certificate: null, revocation: null };
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
  const trusted = findTrustedWorkstation(db, payload.w);
  if (!trusted) return { ...verdict('unknown-workstation', `workstation ${payload.w}`), checks: { pdfSignature, qrSignature: null }, certificate, revocation: null };
  certificate.issuer = trusted.issuer;
  certificate.workstationName = trusted.name;
  if (!signatureMatches(parsed, trusted.ed25519PublicKey)) {
    return { ...verdict('tampered'), checks: { pdfSignature, qrSignature: false }, certificate, revocation: null };
  }
  const checks = { pdfSignature, qrSignature: true };
  const stored = findByNumber(db, payload.w, payload.n);
  if (stored && stored.cause !== null) {
    const revocation = toCertificate(stored, today).revocation;
    return { ...verdict('revoked', stored.reason ?? undefined), checks, certificate, revocation };
  }
  // Revoked on another workstation: known here from the city office's bundle.
  const notice = findNotice(db, payload.w, payload.n);
  if (notice) {
    return { ...verdict('revoked', notice.reason), checks, certificate, revocation: { cause: notice.cause, reason: notice.reason, revokedOn: notice.revokedOn, revokedBy: notice.revokedBy, assessmentId: null } };
  }
  const validity = validityOn(payload, today);
  return { ...verdict(validity), checks, certificate, revocation: null };
}

/** Verifies a certificate PDF's bytes: its PDF signature, then its QR payload. */
export function verifyCertificatePdf(db: Database, pdf: Buffer, today: string): Verification {
  if (pdf.length > maxCertificatePdfBytes) return refused('not-ours', { pdfSignature: null, qrSignature: null }, 'file too large for a certificate');
  let signerDer: Buffer;
  try {
    signerDer = verifyPdfSignature(pdf).certificateDer;
  } catch (error) {
    if (!(error instanceof PdfSignatureProblem)) throw error;
    if (error.fault === 'tampered') return refused('tampered', { pdfSignature: false, qrSignature: null }, error.message);
    return refused('not-ours', { pdfSignature: null, qrSignature: null }, error.message);
  }
  const qrText = readInfoString(pdf, qrInfoKey);
  if (!qrText) return refused('not-ours', { pdfSignature: true, qrSignature: null }, 'the PDF carries no certificate payload');
  const result = verifyQrText(db, qrText, today, true);
  if (result.verdict === 'not-ours' || result.verdict === 'unknown-workstation' || result.verdict === 'tampered') return result;
  // The PDF must be signed by the same workstation the payload names.
  const trusted = findTrustedWorkstation(db, result.certificate?.workstationId ?? '');
  if (!trusted?.certificateDer || !trusted.certificateDer.equals(signerDer)) {
    return { ...result, ...verdict('unknown-workstation', 'the PDF was signed with another certificate than the issuing workstation’s'), checks: { pdfSignature: false, qrSignature: result.checks.qrSignature } };
  }
  return result;
}
