/** Procedures of the unit registry: districts, the unit list and detail, create/update, and file import. */
import { z } from 'zod';
import { industries } from '@shared/domain/unit-kinds';
import { UnitKindSchema } from '../../rubric/unit-kind';
import { procedure } from '../procedure';
import { base64Length, formatMegabytes, maxImportFileBytes } from '../../limits';
import { unitEditors } from '@shared/domain/roles';
import { TransferIdSchema } from './files';

export { UnitKindSchema };
export const IndustrySchema = z.enum(industries);

export const DistrictSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: z.enum(['district', 'zone']),
  sort: z.number().int(),
  unitCount: z.number().int(),
});
export type District = z.infer<typeof DistrictSchema>;

export const UnitSchema = z.object({
  id: z.string(),
  workstationId: z.string(),
  name: z.string(),
  kind: UnitKindSchema,
  industry: IndustrySchema.nullable(),
  districtCode: z.string(),
  districtName: z.string(),
  streetId: z.string().nullable(),
  street: z.string().nullable(),
  address: z.string().nullable(),
  uscc: z.string().nullable(),
  households: z.number().int().nullable(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  inScope: z.boolean(),
  currentStars: z.number().int().min(0).max(5),
  lastAssessedOn: z.string().nullable(),
  lastVetoOn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const StarHistoryEntrySchema = z.object({
  id: z.string(),
  cycle: z.number().int(),
  stars: z.number().int(),
  previousStars: z.number().int(),
  assessedOn: z.string(),
  assessmentId: z.string().nullable(),
  vetoed: z.boolean(),
  decidedBy: z.string().nullable(),
  /** `paper`: entered from the records kept before the app; else an assessment's decision. */
  source: z.enum(['assessment', 'paper']),
  /** Where this workstation has the row from: its own records, or the city's picture (a city bundle). */
  origin: z.enum(['here', 'city']),
  /** The workstation that recorded it (its assessment's, or where a paper row was entered), by name. */
  workstationName: z.string().nullable(),
  /** Who entered a paper row. */
  enteredBy: z.string().nullable(),
  /** Not counted while a conflict about it waits for a person (`held`), or after they chose the other side (`set-aside`). */
  hold: z.enum(['held', 'set-aside']).nullable(),
  /** A signed correction replaced its assessment. */
  superseded: z.boolean(),
});
export type StarHistoryEntry = z.infer<typeof StarHistoryEntrySchema>;

/** An assessment signed on a basis the history in force no longer agrees with (docs/registry.md). */
export const StaleBasisSchema = z.object({
  assessmentId: z.string(),
  cycle: z.number().int(),
  signedPreviousStars: z.number().int(),
  previousStars: z.number().int(),
  signedLockedOut: z.boolean(),
  lockedOut: z.boolean(),
  lastVetoOn: z.string().nullable(),
  signedStars: z.number().int(),
  starsNow: z.number().int().nullable(),
  detectedAt: z.string(),
  decision: z.enum(['reissue', 'stands']).nullable(),
  note: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** This workstation signed it (so it can correct it and re-issue its plaque). */
  signedHere: z.boolean(),
});
export type StaleBasis = z.infer<typeof StaleBasisSchema>;

/** What the record of truth says of a unit beside its facts: open conflicts, stale bases, the city's current plaque. */
export const UnitRecordSchema = z.object({
  staleBases: z.array(StaleBasisSchema),
  /** Conflicts about the unit's history that wait for a person (ids, to open in 数据交换 › 冲突). */
  openConflicts: z.array(z.object({ id: z.string(), table: z.string(), cycle: z.number().int(), reason: z.string() })),
  /** The unit's current plaque as the city knows it, when another workstation issued it. */
  cityCertificate: z.object({ number: z.string(), stars: z.number().int(), cycle: z.number().int(), validUntil: z.string(), workstationName: z.string() }).nullable(),
});
export type UnitRecord = z.infer<typeof UnitRecordSchema>;

export const unitSortFields = ['name', 'district', 'kind', 'stars', 'lastAssessedOn', 'updatedAt'] as const;

export const UnitListInputSchema = z
  .object({
    district: z.string().max(20).optional(),
    kind: UnitKindSchema.optional(),
    industry: z.union([IndustrySchema, z.literal('none')]).optional(),
    stars: z.number().int().min(0).max(5).optional(),
    /** Part of the name, or the start of a USCC. */
    search: z.string().trim().max(100).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(50),
    sort: z.enum(unitSortFields).default('name'),
    order: z.enum(['asc', 'desc']).default('asc'),
  })
  .strict();
export type UnitListInput = z.input<typeof UnitListInputSchema>;

/** What a person enters for a unit; the same rules as a row of an import file. */
export const UnitFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    kind: UnitKindSchema,
    industry: IndustrySchema.nullable().default(null),
    districtCode: z.string().min(1).max(20),
    street: z.string().trim().max(100).nullable().default(null),
    address: z.string().trim().max(300).nullable().default(null),
    uscc: z.string().trim().max(40).nullable().default(null),
    households: z.number().int().min(0).max(10_000_000).nullable().default(null),
    contact: z.string().trim().max(100).nullable().default(null),
    phone: z.string().trim().max(50).nullable().default(null),
    inScope: z.boolean().default(true),
  })
  .strict();
export type UnitFields = z.input<typeof UnitFieldsSchema>;

export const ImportIssueSchema = z.object({
  /** Line of the CSV file or row of the worksheet (the header is line 1); 0 for the file as a whole. */
  line: z.number().int(),
  /** The column as its header is written in the file. */
  column: z.string().optional(),
  message: z.string(),
  messageEn: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssueSchema>;

export const ImportPreviewRowSchema = z.object({
  line: z.number().int(),
  name: z.string(),
  kind: UnitKindSchema.nullable(),
  industry: IndustrySchema.nullable(),
  district: z.string(),
  districtCode: z.string().nullable(),
  street: z.string(),
  address: z.string(),
  uscc: z.string(),
  households: z.string(),
  contact: z.string(),
  phone: z.string(),
  /** Paper-era columns as written, when the file has them (当前星级, 星级年度, 最近否决日期). */
  stars: z.string().optional(),
  starsCycle: z.string().optional(),
  lastVetoOn: z.string().optional(),
  ok: z.boolean(),
  /** In update mode: a new unit, an existing one whose facts change, or one the row leaves as it is. */
  action: z.enum(['new', 'update', 'same']).optional(),
});
export type ImportPreviewRow = z.infer<typeof ImportPreviewRowSchema>;

export const UnitImportReportSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  totalRows: z.number().int(),
  imported: z.number().int(),
  streetsCreated: z.number().int(),
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
  /** Parsed rows for the preview (empty after an import); at most `previewLimit`. */
  rows: z.array(ImportPreviewRowSchema),
  rowsTruncated: z.boolean(),
  /** Update mode: rows that add a unit, change one, and leave one unchanged (all rows, not only the preview's). */
  counts: z.object({ new: z.number().int(), update: z.number().int(), same: z.number().int() }).optional(),
  /** History rows entered from paper (当前星级, 星级年度, 最近否决日期), each marked as such. */
  paperRows: z.number().int().optional(),
});
export type UnitImportReport = z.infer<typeof UnitImportReportSchema>;

export const ImportFileSchema = z
  .object({
    fileName: z.string().min(1).max(260),
    /** The file's bytes, base64; at most ~24 MB of file (the HTTP transport takes 32 MB bodies). */
    contentBase64: z.string().min(1).max(base64Length(maxImportFileBytes), `文件超过 ${formatMegabytes(maxImportFileBytes)} 的上限 / the file is over the ${formatMegabytes(maxImportFileBytes)} limit`),
    /** `update`: a row matching a unit (by USCC, else district and name) updates it instead of being refused as a duplicate. */
    mode: z.enum(['add', 'update']).optional(),
  })
  .strict();

/** A preview held by the core: the window pages through it and imports with its token. */
export const ImportTokenSchema = z.string().min(16).max(100);

/** A page of preview rows with the errors on those rows (so each row can say what is wrong). */
export const ImportRowsPageSchema = z.object({
  /** Rows held for paging: every row up to the preview limit, or only the bad ones with `only: "errors"`. */
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(ImportPreviewRowSchema),
  errors: z.array(ImportIssueSchema),
});
export type ImportRowsPage = z.infer<typeof ImportRowsPageSchema>;

/**
 * What `units.importPreview` answers: counts, the first errors and warnings, the first page of
 * rows, and a token for the rest. The full preview stays in the core (a 100,000-row file with
 * 50,000 errors is ~12 MB of report).
 */
export const ImportSummarySchema = z.object({
  token: ImportTokenSchema,
  /** ISO time after which the token is refused and the file must be chosen again. */
  expiresAt: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string(),
  mode: z.enum(['add', 'update']),
  totalRows: z.number().int(),
  /** Rows without an error. */
  okRows: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  counts: z.object({ new: z.number().int(), update: z.number().int(), same: z.number().int() }).optional(),
  /** The first `importSummaryIssues` errors and warnings; the rest through `units.importPreviewErrors` and the CSV. */
  errors: z.array(ImportIssueSchema),
  warnings: z.array(ImportIssueSchema),
  firstRows: ImportRowsPageSchema,
  /** More rows than the preview keeps (the first `previewRowLimit` are kept). */
  rowsTruncated: z.boolean(),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const importSummaryIssues = 200;
export const importPageLimit = 1000;

const ImportPageInputSchema = z
  .object({
    token: ImportTokenSchema,
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(importPageLimit).default(100),
  })
  .strict();

export const unitProcedures = {
  'districts.list': procedure({
    roles: 'signedIn',
    summary: 'The 15 districts with their unit counts',
    input: z.object({}).strict(),
    output: z.array(DistrictSchema),
  }),
  'units.list': procedure({
    roles: 'signedIn',
    summary: 'A page of units, filtered and sorted, with the total count',
    input: UnitListInputSchema,
    output: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(UnitSchema) }),
  }),
  'units.get': procedure({
    roles: 'signedIn',
    summary: 'One unit with its star history',
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: z.object({ unit: UnitSchema, history: z.array(StarHistoryEntrySchema), record: UnitRecordSchema }),
  }),
  'units.create': procedure({
    roles: unitEditors,
    summary: 'Add a unit to the registry',
    input: UnitFieldsSchema,
    output: UnitSchema,
  }),
  'units.update': procedure({
    roles: unitEditors,
    summary: 'Change a unit’s facts (not its stars, which only assessments change)',
    input: z.object({ id: z.string().min(1).max(100), fields: UnitFieldsSchema }).strict(),
    output: UnitSchema,
  }),
  'units.importPreview': procedure({
    roles: unitEditors,
    summary: 'Parse and check a CSV/XLSX file of units (its bytes, or a finished files.startUpload upload); nothing is written. Answers a summary and a token for paging and importing',
    input: z.union([ImportFileSchema, z.object({ uploadId: TransferIdSchema, mode: z.enum(['add', 'update']).optional() }).strict()]),
    output: ImportSummarySchema,
    job: true,
  }),
  'units.importPreviewRows': procedure({
    roles: unitEditors,
    summary: 'A page of a held import preview’s rows (all, or only those with errors)',
    input: ImportPageInputSchema.extend({ only: z.enum(['all', 'errors']).default('all') }).strict(),
    output: ImportRowsPageSchema,
  }),
  'units.importPreviewErrors': procedure({
    roles: unitEditors,
    summary: 'A page of a held import preview’s errors',
    input: ImportPageInputSchema,
    output: z.object({ total: z.number().int(), offset: z.number().int(), items: z.array(ImportIssueSchema) }),
  }),
  'units.importErrorsCsv': procedure({
    roles: unitEditors,
    summary: 'Every error of a held import preview as CSV (UTF-8 with BOM; columns 行号 line, 列 column, 问题, problem)',
    input: z.object({ token: ImportTokenSchema }).strict(),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'units.import': procedure({
    roles: unitEditors,
    summary: 'Import a CSV/XLSX file of units, all rows or none: the file itself, or the token of a preview (re-checked as it is written)',
    input: z.union([ImportFileSchema, z.object({ token: ImportTokenSchema }).strict()]),
    output: UnitImportReportSchema,
    job: true,
  }),
};
