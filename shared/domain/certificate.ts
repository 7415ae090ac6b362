/**
 * Star-plaque certificates as every side sees them: the signed QR payload (`DX1.<payload>.<sig>`,
 * docs/certificates.md), the certificate number, validity, and the verdicts of verification. Pure: the
 * signing and checking of signatures happen in the core (and in the standalone verifier page).
 */
import { z } from 'zod';

/**
 * `WH-<cycle>-<district>-<workstation code><4-digit sequence>`, or without a code (a workstation
 * the city office has not given one) `WH-<cycle>-<district>-<6-digit sequence>`.
 */
export const certificateNumberPattern = /^WH-\d{4}-4201[0-9A-Z]{2}-(?:\d{6}|[A-HJ-NP-Z2-9]{2}\d{4,6})$/;

/** The QR payload's JSON: one-letter keys keep the QR small enough to scan from an A4 plaque. */
export const CertificatePayloadSchema = z.strictObject({
  /** certificate number, e.g. WH-2026-420105-AB0123 (or WH-2026-420105-000123 from a workstation without a code) */
  n: z.string().regex(certificateNumberPattern),
  /** unit name */
  u: z.string().min(1).max(100),
  /** unit USCC, or the unit id when it has none */
  c: z.string().min(1).max(40),
  /** stars, 1–5 */
  s: z.number().int().min(1).max(5),
  /** cycle (year) */
  y: z.number().int().min(2000).max(2100),
  /** issued on, YYYY-MM-DD */
  i: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** valid until (inclusive), YYYY-MM-DD */
  e: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** issuing workstation id */
  w: z.string().min(1).max(40),
});
export type CertificatePayload = z.infer<typeof CertificatePayloadSchema>;

export const qrPrefix = 'DX1';
/** Longer text is not a payload of ours (real ones are ~330 characters). */
export const maxQrTextLength = 1200;

/** Why a certificate was refused; `valid` when it was not. `other-document`: one of this system's other signed PDFs, not a plaque. */
export const verificationVerdicts = ['valid', 'tampered', 'unknown-workstation', 'revoked', 'expired', 'not-yet-valid', 'not-ours', 'other-document'] as const;
export type VerificationVerdict = (typeof verificationVerdicts)[number];

export const verdictMessages: Record<VerificationVerdict, { zh: string; en: string }> = {
  valid: { zh: '证书有效', en: 'the certificate is valid' },
  tampered: { zh: '证书内容被篡改，签名不符', en: 'the certificate was tampered with: its signature does not match' },
  'unknown-workstation': { zh: '签发工作站不在本机信任范围内', en: 'it was issued by an unknown workstation' },
  revoked: { zh: '证书已被撤销', en: 'the certificate was revoked' },
  expired: { zh: '证书已过有效期', en: 'the certificate has expired' },
  'not-yet-valid': { zh: '证书尚未生效', en: 'the certificate is not yet valid' },
  'not-ours': { zh: '不是本系统的证书', en: 'not a certificate of this system' },
  'other-document': { zh: '这是本系统签名的其他文件，不是证书', en: 'a document this system signed, not a plaque' },
};

/** The PDFs this system signs, named in their Info dictionary (/DingxingDocument) and their signature's /Reason. */
export const signedDocumentKinds = ['plaque', 'plaque-batch', 'inspection-report', 'district-summary', 'city-summary'] as const;
export type SignedDocumentKind = (typeof signedDocumentKinds)[number];

export const signedDocumentWords: Record<SignedDocumentKind, { zh: string; en: string }> = {
  plaque: { zh: '星级平安单位证书', en: 'a star plaque' },
  'plaque-batch': { zh: '证书批量打印件', en: 'a batch print of star plaques' },
  'inspection-report': { zh: '检查报告', en: 'an inspection report' },
  'district-summary': { zh: '区县平安鼎总结报告', en: 'a district summary' },
  'city-summary': { zh: '全市平安鼎评定报告', en: 'a city summary' },
};

export const revocationCauses = ['veto', 'superseded', 'manual'] as const;
export type RevocationCause = (typeof revocationCauses)[number];

export const certificateStatuses = ['valid', 'revoked', 'expired'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

/**
 * `WH-<cycle>-<district code>-<code><4-digit sequence>` with the workstation's code, so numbers of
 * two workstations never collide; `WH-<cycle>-<district code>-<6-digit sequence>` without one.
 */
export function certificateNumber(cycle: number, districtCode: string, sequence: number, workstationCode: string | null = null): string {
  const tail = workstationCode === null ? String(sequence).padStart(6, '0') : `${workstationCode}${String(sequence).padStart(4, '0')}`;
  return `WH-${cycle}-${districtCode.toUpperCase()}-${tail}`;
}

/** Certificates are valid to the end of the next cycle (docs/domain.md). */
export function validUntilFor(cycle: number): string {
  return `${cycle + 1}-12-31`;
}

/** valid / expired / not yet valid on `today` (YYYY-MM-DD), revocation aside. */
export function validityOn(payload: Pick<CertificatePayload, 'i' | 'e'>, today: string): 'valid' | 'expired' | 'not-yet-valid' {
  if (today < payload.i) return 'not-yet-valid';
  if (today > payload.e) return 'expired';
  return 'valid';
}

export const defaultAuthority = '武汉市“鼎星”平安创建指挥部';
