/**
 * Procedures of 数据交换: export this workstation's work as a signed bundle, import bundles
 * (city office), the export and import history, conflicts held for a person, and the trust store.
 * A bundle crosses in pieces (`files.*`: an upload id in, a download id out), so the app moves
 * a season's bundle with its photos as the CLI does; a small one may still come as base64 in one call.
 */
import { z } from 'zod';
import { RecordRefSchema } from '../../domain/record-ref';
import { base64Length, formatMegabytes, maxImportFileBytes } from '../../limits';
import { ExportResultSchema, ImportReportSchema } from '../../bundle/report';
import { procedure } from '../procedure';
import { DownloadSchema, TransferIdSchema } from './files';

const IdSchema = z.string().min(1).max(64);
const DistrictListSchema = z.array(z.string().trim().min(1).max(20)).max(15);
const RowSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

export const TrustedWorkstationSchema = z.object({
  workstationId: z.string(),
  name: z.string(),
  kind: z.enum(['workstation', 'city']),
  ed25519PublicKey: z.string(),
  fingerprint: z.string(),
  enrolledAt: z.string(),
  enrolledBy: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  revokeReason: z.string().nullable(),
  /** The short code the city office gave it at enrollment (inside its plaque numbers). */
  code: z.string().nullable(),
  /** The districts it serves, by code: its city bundles carry their registry. */
  districts: z.array(z.string()),
});
export type TrustedWorkstation = z.infer<typeof TrustedWorkstationSchema>;

/** A bundle of an enrolled workstation refused because its audit chain does not extend the one held here; stays until acknowledged. */
export const TrustWarningSchema = z.object({
  id: z.string(),
  workstationId: z.string(),
  importId: z.string(),
  bundleId: z.string().nullable(),
  sequence: z.number().int().nullable(),
  /** restart | gap | shorter | missingHead | edited | empty | rewritten | trimmed | badSignature */
  problem: z.string(),
  /** The audit entries concerned (first and last sequence number), when the problem names them. */
  seqFrom: z.number().int().nullable(),
  seqTo: z.number().int().nullable(),
  message: z.string(),
  messageEn: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  /** Who acknowledged it as people know them (a user's display name), else the id. */
  acknowledgedByName: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
});
export type TrustWarning = z.infer<typeof TrustWarningSchema>;

/** An entry of `trust.list`: the workstation, with its warnings (those not yet acknowledged first). */
export const TrustListEntrySchema = TrustedWorkstationSchema.extend({ warnings: z.array(TrustWarningSchema) });
export type TrustListEntry = z.infer<typeof TrustListEntrySchema>;

export const ConflictSchema = z.object({
  id: z.string(),
  table: z.string(),
  recordId: z.string(),
  source: z.string(),
  bundleId: z.string(),
  incomingVersion: z.number().int(),
  incomingSha256: z.string(),
  local: RowSchema.nullable(),
  incoming: RowSchema,
  reason: z.string(),
  status: z.enum(['open', 'resolved']),
  resolution: z.enum(['keep-local', 'take-incoming']).nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
  /** The record named as people know it (a unit's name, an assessment's unit and cycle…), for the list and its title. */
  subject: RecordRefSchema,
  /** The source workstation's name as enrolled here; null when it is not. */
  sourceName: z.string().nullable(),
});
export type Conflict = z.infer<typeof ConflictSchema>;

export const ExportHistorySchema = z.object({
  sequence: z.number().int(),
  bundleId: z.string(),
  kind: z.enum(['workstation', 'city']),
  full: z.boolean(),
  counts: z.record(z.string(), z.number()),
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});

/** What the city office did with one of this laptop's bundles, as its city bundle reported it. */
export const ReceiptSchema = z.object({
  id: z.string(),
  cityWorkstationId: z.string(),
  bundleId: z.string().nullable(),
  sequence: z.number().int().nullable(),
  status: z.enum(['imported', 'refused']),
  report: ImportReportSchema,
  importedAt: z.string(),
  receivedIn: z.string(),
  receivedAt: z.string(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/**
 * A bundle to import: an upload (files.*), or a small one as base64 in one call; an empty file
 * too (as a killed copy leaves one), which the import refuses with its report like any other
 * file that is not a bundle.
 */
const BundleFileSchema = z.union([
  z.object({ uploadId: TransferIdSchema }),
  z.object({
    fileName: z.string().min(1).max(255),
    contentBase64: z.string().max(base64Length(maxImportFileBytes), `文件超过 ${formatMegabytes(maxImportFileBytes)} 的上限 / the file is over the ${formatMegabytes(maxImportFileBytes)} limit`),
  }),
]);

export const bundleProcedures = {
  'bundles.export': procedure({
    roles: ['inspector', 'leader'],
    writes: true, job: 'bundles.export',
    summary: 'Export what changed since the last export (or everything) as a signed .dxb bundle, read back with files.readDownload; it counts as sent once bundles.exportSaved says it is saved',
    input: z.object({ full: z.boolean().default(false), fileName: z.string().min(1).max(255).optional() }),
    output: ExportResultSchema.extend({ fileName: z.string(), download: DownloadSchema }),
  }),
  'bundles.exportCity': procedure({
    roles: ['city'],
    writes: true, job: 'bundles.export',
    summary: 'The city office’s bundle for laptops (rubric packs, trust roster, revocations, district inputs, receipts), signed, read back with files.readDownload; sent once bundles.exportSaved says it is saved',
    input: z.object({ fileName: z.string().min(1).max(255).optional() }),
    output: ExportResultSchema.extend({ fileName: z.string(), download: DownloadSchema }),
  }),
  'bundles.exportSaved': procedure({
    roles: ['inspector', 'leader', 'city'],
    writes: true, audit: ['bundle.export'],
    summary: 'Record an exported bundle as sent, once its download is saved: until then the next export still carries what it holds (saying it twice is once)',
    input: z.object({ downloadId: TransferIdSchema }),
    output: z.object({ sequence: z.number().int().positive(), bundleId: z.string() }),
  }),
  'bundles.import': procedure({
    roles: ['city'],
    writes: true, job: 'bundles.import', audit: ['bundle.import', 'bundle.refuse'],
    summary: 'Verify a laptop’s .dxb bundle and merge it in one transaction; the report is kept in the history',
    input: BundleFileSchema,
    output: ImportReportSchema,
  }),
  'bundles.importCity': procedure({
    roles: ['inspector', 'leader'],
    writes: true, job: 'bundles.import', audit: ['bundle.import', 'bundle.refuse'],
    summary: 'On a laptop: verify the city office’s bundle and apply it in one transaction (packs, trust roster, revocations, district inputs, receipts)',
    input: BundleFileSchema,
    output: ImportReportSchema,
  }),
  'bundles.importAny': procedure({
    roles: ['inspector', 'leader', 'city'],
    writes: true, job: 'bundles.import', audit: ['bundle.import', 'bundle.refuse'],
    summary: 'Verify and merge a bundle of either kind, as the command line does: a laptop’s bundle needs the city role, the city office’s bundle an inspector or leader',
    input: BundleFileSchema,
    output: ImportReportSchema,
  }),
  'bundles.history': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'This workstation’s exports, the bundles it imported or refused, and the city office’s receipts for its bundles, newest first',
    input: z.object({}),
    output: z.object({ exports: z.array(ExportHistorySchema), imports: z.array(ImportReportSchema), receipts: z.array(ReceiptSchema) }),
  }),
  'bundles.conflicts': procedure({
    roles: ['city', 'leader'],
    writes: false,
    summary: 'Records held as conflicts, both versions side by side (on a laptop: its own history against the city’s)',
    input: z.object({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
    output: z.array(ConflictSchema),
  }),
  'bundles.resolveConflict': procedure({
    roles: ['city', 'leader'],
    writes: true, audit: ['bundle.conflict.resolve'],
    summary: 'Keep the version here or take the incoming one; recorded in the audit log',
    input: z.object({ id: IdSchema, keep: z.enum(['keep-local', 'take-incoming']) }),
    output: ConflictSchema,
  }),
  'trust.list': procedure({
    roles: ['city'],
    writes: false,
    summary: 'The enrolled workstations with their fingerprints and the warnings of refused audit chains',
    input: z.object({}),
    output: z.array(TrustListEntrySchema),
  }),
  'trust.acknowledgeWarning': procedure({
    roles: ['city'],
    writes: true, audit: ['trust.acknowledgeWarning'],
    summary: 'Acknowledge a warning on a trust entry (a bundle refused for its audit chain) after looking into it; recorded in the audit log',
    input: z.object({ id: IdSchema, note: z.string().trim().max(500).optional() }),
    output: TrustWarningSchema,
  }),
  'trust.add': procedure({
    roles: ['city'],
    writes: true, audit: ['trust.add', 'trust.districts'],
    summary: 'Enroll a workstation from its identity file (the JSON of `dingxing identity export`), with the districts it serves; it gets its code',
    input: z.object({
      identityJson: z.string().min(2).max(64_000),
      /** The file's name, for messages. */
      fileName: z.string().min(1).max(255).optional(),
      /** District codes (or names); omitted: the districts stay as they were (none for a new one). */
      districts: DistrictListSchema.optional(),
    }),
    /** `districtsChanged`: it was enrolled already, and the districts given replaced those it served. */
    output: z.object({ entry: TrustedWorkstationSchema, created: z.boolean(), districtsChanged: z.boolean() }),
  }),
  'trust.setDistricts': procedure({
    roles: ['city'],
    writes: true, audit: ['trust.districts'],
    summary: 'Set the districts an enrolled workstation serves (its city bundles carry their registry); an empty list: none',
    input: z.object({ workstationId: IdSchema, districts: DistrictListSchema }),
    output: TrustedWorkstationSchema,
  }),
  'trust.addCity': procedure({
    roles: ['leader'],
    writes: true, audit: ['trust.add'],
    summary: 'On a laptop: enroll the city office’s identity file (`dingxing identity export --city`), once, to accept its city bundles',
    input: z.object({ identityJson: z.string().min(2).max(64_000) }),
    output: z.object({ entry: TrustedWorkstationSchema, created: z.boolean() }),
  }),
  'trust.revoke': procedure({
    roles: ['city'],
    writes: true, audit: ['trust.revoke'],
    summary: 'Revoke an enrolled workstation: its bundles are refused from now on',
    input: z.object({ workstationId: IdSchema, reason: z.string().trim().max(500).optional() }),
    output: TrustedWorkstationSchema,
  }),
};
