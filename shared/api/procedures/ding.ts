/** Procedures of the district 平安鼎: the evaluation table, a district's dashboard, district inputs, Excel exports. */
import { z } from 'zod';
import { DingRowSchema } from '../../domain/ding-evaluation';
import { DistrictInputsDocumentSchema, StoredDistrictInputsSchema } from '../../domain/district-inputs';
import { unitKinds } from '../../domain/unit-kinds';
import { DingGradeSchema } from '../../rubric/ding-pack';
import { procedure } from '../procedure';
import type { Role } from '../../domain/roles';

/** District inputs are the city office's to enter. */
const cityOffice: readonly Role[] = ['city'];
/** Signed summaries carry the workstation's signature: the city office, team leaders and admins make them. */
const summaryMakers: readonly Role[] = ['city', 'leader', 'admin'];
import { UnitListInputSchema } from './units';

const CycleSchema = z.number().int().min(2000).max(2100);

export const DingTableSchema = z.object({
  cycle: z.number().int(),
  /** Cycles with assessments or inputs, newest first (for the cycle picker). */
  cycles: z.array(z.number().int()),
  rubric: z.string(),
  rows: z.array(DingRowSchema),
  /** Each district's last-cycle grade, the rows' `previousGrade` (null when unknown): what the inputs form proposes. */
  previous: z.array(z.object({ district: z.string(), grade: DingGradeSchema.nullable() })),
});
export type DingTableResult = z.infer<typeof DingTableSchema>;

export const DistrictDashboardSchema = z.object({
  cycle: z.number().int(),
  row: DingRowSchema,
  /** In-scope units by kind and current stars. */
  starsByKind: z.array(z.object({ kind: z.enum(unitKinds), stars: z.number().int(), units: z.number().int() })),
  coverageByCycle: z.array(z.object({ cycle: z.number().int(), inScopeUnits: z.number().int(), starredUnits: z.number().int(), coverage: z.number(), grade: DingGradeSchema.nullable() })),
  /** Decisions per cycle: stars up, down, vetoed. */
  changesByCycle: z.array(z.object({ cycle: z.number().int(), promotions: z.number().int(), demotions: z.number().int(), vetoes: z.number().int() })),
  rectifications: z.object({ open: z.number().int(), overdue: z.number().int() }),
  /** Units whose latest total is closest under the next star's threshold. */
  nearestNextStar: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      kind: z.enum(unitKinds),
      stars: z.number().int(),
      total: z.number(),
      nextStars: z.number().int(),
      threshold: z.number(),
      /** Points still missing; 0 when the total already reaches the next star. */
      gap: z.number(),
      /**
       * At or above the threshold yet below the star: the rule of the latest assessment that held it
       * back (逐级 `stepUp`, a `condition`, a `gate`, `veto`, `lockout`), or `later` when the stars
       * changed since (a later decision); null when points are missing.
       */
      heldBy: z.enum(['stepUp', 'condition', 'gate', 'veto', 'lockout', 'later']).nullable(),
    }),
  ),
  inputsHistory: z.array(StoredDistrictInputsSchema),
});
export type DistrictDashboard = z.infer<typeof DistrictDashboardSchema>;

export const FileDownloadSchema = z.object({ fileName: z.string(), mime: z.string(), contentBase64: z.string() });
export type FileDownload = z.infer<typeof FileDownloadSchema>;

export const dingProcedures = {
  'ding.table': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The district 平安鼎 evaluation table of a cycle (default: the newest), with last cycle’s grades',
    input: z.object({ cycle: CycleSchema.optional() }).strict(),
    output: DingTableSchema,
  }),
  'ding.district': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'One district’s dashboard: its decision, stars by kind, coverage over cycles, changes, rectifications, units nearest the next star',
    input: z.object({ district: z.string().min(1).max(20), cycle: CycleSchema.optional() }).strict(),
    output: DistrictDashboardSchema,
  }),
  'ding.inputs.current': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The district inputs in force for a cycle',
    input: z.object({ cycle: CycleSchema }).strict(),
    output: z.array(StoredDistrictInputsSchema),
  }),
  'ding.inputs.record': procedure({
    roles: cityOffice,
    writes: true, audit: ['ding.inputs.record'],
    summary: 'Record district inputs (dingxing.district-inputs/1); a later entry supersedes the earlier one',
    input: DistrictInputsDocumentSchema,
    output: z.object({ cycle: z.number().int(), recorded: z.array(z.object({ id: z.string(), district: z.string() })) }),
  }),
  'ding.inputs.import': procedure({
    roles: cityOffice,
    writes: true, audit: ['ding.inputs.record'],
    summary: 'Record a dingxing.district-inputs/1 file: checked whole, every problem named in both languages, all or nothing; the file name is kept as its source',
    input: z.object({ fileName: z.string().min(1).max(255), document: z.unknown() }).strict(),
    output: z.object({ cycle: z.number().int(), recorded: z.array(z.object({ id: z.string(), district: z.string() })) }),
  }),
  'exports.dingXlsx': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The district evaluation table as an Excel workbook',
    input: z.object({ cycle: CycleSchema.optional() }).strict(),
    output: FileDownloadSchema,
  }),
  'exports.unitsXlsx': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Every unit matching the list filters as an Excel workbook, with stars and latest scores',
    input: UnitListInputSchema.pick({ district: true, kind: true, industry: true, stars: true, search: true }).strict(),
    output: FileDownloadSchema,
  }),
  'summary.district': procedure({
    roles: summaryMakers,
    writes: true, job: 'summary.pdf',
    summary: 'The signed district summary report (PDF) of a cycle; refused for a district without inputs',
    input: z.object({ district: z.string().min(1).max(20), cycle: CycleSchema.optional() }).strict(),
    output: FileDownloadSchema.extend({ cycle: CycleSchema }),
  }),
  'summary.city': procedure({
    roles: summaryMakers,
    writes: true, job: 'summary.pdf',
    summary: 'The signed city report (PDF) of all districts for a cycle',
    input: z.object({ cycle: CycleSchema.optional() }).strict(),
    output: FileDownloadSchema.extend({ cycle: CycleSchema }),
  }),
};
