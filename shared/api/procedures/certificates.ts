/**
 * Procedures of star-plaque certificates: issue (from a signed assessment), list, revoke,
 * plaque and batch PDFs, inspection reports, verification, and the workstation identity.
 * PDFs cross as base64 (a plaque is ~100 KB; a batch is written to a file by the CLI instead).
 */
import { z } from 'zod';
import { PublicIdentitySchema } from '../../domain/identity-file';
import { certificateStatuses, revocationCauses, signedDocumentKinds, verificationVerdicts } from '@shared/domain/certificate';
import { procedure } from '../procedure';

export const RevocationSchema = z.object({
  cause: z.enum(revocationCauses),
  reason: z.string(),
  revokedOn: z.string(),
  revokedBy: z.string(),
  assessmentId: z.string().nullable(),
});
export type Revocation = z.infer<typeof RevocationSchema>;

export const CertificateSchema = z.object({
  id: z.string(),
  number: z.string(),
  workstationId: z.string(),
  assessmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  uscc: z.string().nullable(),
  districtCode: z.string(),
  districtName: z.string(),
  cycle: z.number().int(),
  stars: z.number().int().min(1).max(5),
  issuedOn: z.string(),
  validUntil: z.string(),
  authority: z.string(),
  qrPayload: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
  status: z.enum(certificateStatuses),
  revocation: RevocationSchema.nullable(),
});
export type Certificate = z.infer<typeof CertificateSchema>;

/** The fields a certificate's QR payload carries, as read from it. */
const CertificateFieldsSchema = z.object({
  number: z.string(),
  unitName: z.string(),
  unitCode: z.string(),
  stars: z.number().int(),
  cycle: z.number().int(),
  issuedOn: z.string(),
  validUntil: z.string(),
  workstationId: z.string(),
});

export const VerificationSchema = z.object({
  valid: z.boolean(),
  verdict: z.enum(verificationVerdicts),
  /** zh-CN and English, for the CLI; the renderer translates `verdict`. */
  message: z.string(),
  /** Which checks ran: the PDF signature (files only) and the QR signature. */
  checks: z.object({ pdfSignature: z.boolean().nullable(), qrSignature: z.boolean().nullable() }),
  /** The certificate as its verified signature states it (also when revoked or out of its validity); null when nothing was verified. */
  certificate: CertificateFieldsSchema.extend({
    /** 'self' when this workstation issued it, 'enrolled' for a trusted one. */
    issuer: z.enum(['self', 'enrolled']).nullable(),
    /** The issuing workstation's name as known here (this one's own, or as enrolled); null when it is not trusted here. */
    workstationName: z.string().nullable(),
  }).nullable(),
  /** What a payload whose signature failed, or could not be checked, claims: never to be shown as fact. */
  claimed: CertificateFieldsSchema.nullable(),
  revocation: RevocationSchema.nullable(),
  /** For one of this system's signed PDFs: what it is, who signed it and when, and whether that signature holds. */
  document: z
    .object({
      kind: z.enum(signedDocumentKinds),
      workstationId: z.string().nullable(),
      /** The signing workstation's name when it is this one or an enrolled one. */
      workstationName: z.string().nullable(),
      /** Whether the signing certificate is that workstation's, as known here. */
      trusted: z.boolean(),
      signedAt: z.string().nullable(),
      signature: z.enum(['valid', 'tampered']),
    })
    .nullable(),
});
export type Verification = z.infer<typeof VerificationSchema>;

export { PublicIdentitySchema };

const IdSchema = z.string().min(1).max(64);
const CycleSchema = z.number().int().min(2000).max(2100);
/** A PDF as base64; 30 MB of base64 at most (refused larger as not ours before decoding). */
const PdfBase64Schema = z.string().max(40_000_000);

export const CertificateListInputSchema = z.object({
  district: z.string().max(20).optional(),
  cycle: CycleSchema.optional(),
  status: z.enum(certificateStatuses).optional(),
  search: z.string().max(100).optional(),
  limit: z.number().int().min(1).max(5000).default(500),
});

/** The 证书 screen's page: the list's filters, a page at a time, with how many match. */
export const CertificatePageInputSchema = CertificateListInputSchema.omit({ limit: true }).extend({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export const CertificatePageSchema = z.object({ total: z.number().int().min(0), offset: z.number().int().min(0), items: z.array(CertificateSchema) });
export type CertificatePage = z.infer<typeof CertificatePageSchema>;

export const certificateProcedures = {
  'certificates.issue': procedure({
    roles: ['leader'],
    summary: 'Issue the star-plaque certificate of a signed assessment (or return the existing one)',
    input: z.object({ assessmentId: IdSchema }),
    output: z.object({ certificate: CertificateSchema, created: z.boolean() }),
  }),
  'certificates.list': procedure({
    roles: 'signedIn',
    summary: 'Certificates, newest first, with their status',
    input: CertificateListInputSchema,
    output: z.array(CertificateSchema),
  }),
  'certificates.page': procedure({
    roles: 'signedIn',
    summary: 'Certificates a page at a time, newest cycle first, with how many match the filters',
    input: CertificatePageInputSchema,
    output: CertificatePageSchema,
  }),
  'certificates.get': procedure({
    roles: 'signedIn',
    summary: 'One certificate',
    input: z.object({ id: IdSchema }),
    output: CertificateSchema,
  }),
  'certificates.forAssessment': procedure({
    roles: 'signedIn',
    summary: 'The certificate issued from an assessment, if any',
    input: z.object({ assessmentId: IdSchema }),
    output: CertificateSchema.nullable(),
  }),
  'certificates.revoke': procedure({
    roles: ['leader'],
    summary: 'Revoke a certificate by hand, with a reason',
    input: z.object({ id: IdSchema, reason: z.string().trim().min(2).max(500) }),
    output: CertificateSchema,
  }),
  'certificates.plaquePdf': procedure({
    roles: ['leader'],
    summary: 'The signed plaque PDF of one certificate (base64)',
    input: z.object({ id: IdSchema }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
  'certificates.batchPdf': procedure({
    roles: ['leader'],
    summary: 'Every current certificate (filtered) as one printable PDF, one plaque a page',
    input: z.object({ district: z.string().max(20).optional(), cycle: CycleSchema.optional(), ids: z.array(IdSchema).max(5000).optional() }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), count: z.number().int() }),
    job: true,
  }),
  'certificates.print': procedure({
    roles: ['leader'],
    summary: 'Open the system print dialog (desktop only) for one plaque or the filtered batch',
    input: z.object({ id: IdSchema.optional(), district: z.string().max(20).optional(), cycle: CycleSchema.optional() }),
    output: z.object({ count: z.number().int() }),
    job: true,
  }),
  'certificates.reportPdf': procedure({
    roles: 'signedIn',
    summary: 'The signed inspection report of one assessment (base64)',
    input: z.object({ assessmentId: IdSchema }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string() }),
  }),
  'certificates.verifyQr': procedure({
    roles: 'signedIn',
    summary: 'Verify a certificate from its QR text',
    input: z.object({ text: z.string().max(5000) }),
    output: VerificationSchema,
  }),
  'certificates.verifyPdf': procedure({
    roles: 'signedIn',
    summary: 'Verify a certificate PDF (base64)',
    input: z.object({ pdfBase64: PdfBase64Schema }),
    output: VerificationSchema,
  }),
  'identity.show': procedure({
    roles: 'signedIn',
    summary: 'This workstation’s public identity (null before its keys were made)',
    input: z.object({}),
    output: PublicIdentitySchema.nullable(),
  }),
  'identity.export': procedure({
    roles: ['admin', 'city'],
    summary: 'This workstation’s identity file for enrollment (a laptop’s, for the city office; with `city`, the city office’s own, for laptops), and its fingerprint to read out by phone',
    input: z.object({ city: z.boolean().default(false) }).strict(),
    output: z.object({ fileName: z.string(), content: z.string(), fingerprint: z.string(), workstationId: z.string(), workstationName: z.string(), kind: z.enum(['workstation', 'city']) }),
  }),
};
