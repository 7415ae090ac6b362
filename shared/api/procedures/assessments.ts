/**
 * Procedures of the assessment workflow: assessments (start, autosave, submit, sign, correct),
 * their evidence files, rectifications, the home page summary, the current user and demo data.
 * Scores always come from the core's engine; the renderer only shows them.
 */
import { z } from 'zod';
import { procedure } from '../procedure';
import { base64Length, demoLimits, maxDocumentsPerImport, maxEvidenceBytes } from '../../limits';
import { assessors } from '@shared/domain/roles';
import { assessmentStatuses } from '@shared/domain/assessment-status';
import type { AssessmentStatus } from '@shared/domain/assessment-status';
import { CycleSchema } from '@shared/domain/cycle';
import { IsoDateSchema } from '@shared/assessment/iso-date';
import { ScoreResultSchema } from '@shared/scoring/result';

const id = z.string().min(1).max(100);
const isoDate = IsoDateSchema;
const cycle = CycleSchema;

export { assessmentStatuses };
export type { AssessmentStatus };


/** An answer as the interchange format has it: boolean, number, or a survey's counts. */
export const SurveyAnswerSchema = z.object({ respondents: z.number().int().min(0), safe: z.number().int().min(0) }).strict();
export const AnswerSchema = z.union([z.boolean(), z.number().finite(), SurveyAnswerSchema]);
export type Answer = z.infer<typeof AnswerSchema>;
export const AnswersSchema = z.record(z.string().min(1).max(40), AnswerSchema);
export type Answers = z.infer<typeof AnswersSchema>;

/** The five answers of a safety survey, kept with a draft so the inspector's tally survives a reload. */
export const SurveyTallySchema = z
  .object({
    safe: z.number().int().min(0),
    fairlySafe: z.number().int().min(0),
    notVerySafe: z.number().int().min(0),
    unsafe: z.number().int().min(0),
    unknown: z.number().int().min(0),
  })
  .strict();
export type SurveyTally = z.infer<typeof SurveyTallySchema>;

export const DraftDetailsSchema = z
  .object({
    surveys: z.record(z.string().max(40), SurveyTallySchema).optional(),
    notes: z.record(z.string().max(40), z.string().max(2000)).optional(),
    /** Answers the engine refused at the last save (out of range, off step…), kept with the reason; written by the core only. */
    flagged: z.record(z.string().max(40), z.object({ value: AnswerSchema, message: z.string().max(500) }).strict()).optional(),
  })
  .strict();
export type DraftDetails = z.infer<typeof DraftDetailsSchema>;

/** The engine's result: one definition, in shared/scoring/result.ts. */
export { ScoreResultSchema };
export type { ScoreResult } from '@shared/scoring/result';

/** A live score: the engine's result plus what is still missing, for the side panel. */
/** An answer the engine refused, with the reason in English (the renderer words it from the item's own limits). */
export const FlaggedAnswerSchema = z.object({ item: z.string(), message: z.string() });

export const PreviewSchema = z.object({
  result: ScoreResultSchema,
  missing: z.array(z.string()),
  previousStars: z.number().int(),
  lastVetoOn: isoDate.nullable(),
  /** Answers left out of this score because they are not valid; the rest are scored. */
  flagged: z.array(FlaggedAnswerSchema),
});
export type Preview = z.infer<typeof PreviewSchema>;

const TextSchema = z.object({ zh: z.string(), en: z.string() });

export const FormItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['check', 'scale', 'deduct', 'rate', 'survey', 'gate', 'veto']),
  label: TextSchema,
  guidance: TextSchema.nullable(),
  step: z.number().nullable(),
  points: z.number().nullable(),
  per: z.number().nullable(),
  cap: z.number().nullable(),
  full: z.number().nullable(),
  perPoint: z.number().nullable(),
  required: z.number().nullable(),
  capStars: z.number().nullable(),
  /** Survey items: the smallest sample that makes the assessment complete, for this unit. */
  minSample: z.number().int().nullable(),
  /** The number the control takes, from the pack and the engine's limits: what the field refuses before anything is sent. Null for yes/no items. */
  input: z.object({ min: z.number(), max: z.number(), step: z.number(), decimals: z.number().int().min(0) }).nullable(),
  /** What a count item counts (处, 件, 起), from the pack's label; null when the pack does not say. */
  countUnit: TextSchema.nullable(),
});
export type FormItem = z.infer<typeof FormItemSchema>;

export const FormSectionSchema = z.object({
  id: z.string(),
  label: TextSchema,
  /** Highest points of the category; null for vetoes and add-ons (add-ons show their cap). */
  max: z.number().nullable(),
  role: z.enum(['category', 'addOn', 'veto']),
  items: z.array(FormItemSchema),
});
export type FormSection = z.infer<typeof FormSectionSchema>;

export const UnitBriefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  industry: z.string().nullable(),
  districtCode: z.string(),
  districtName: z.string(),
  uscc: z.string().nullable(),
  households: z.number().int().nullable(),
  currentStars: z.number().int(),
});
export type UnitBrief = z.infer<typeof UnitBriefSchema>;

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  districtName: z.string(),
  cycle: z.number().int(),
  assessedOn: z.string(),
  status: z.enum(assessmentStatuses),
  total: z.number().nullable(),
  awardedStars: z.number().int().nullable(),
  vetoed: z.boolean().nullable(),
  inspector: z.string().nullable(),
  signedBy: z.string().nullable(),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  followsUpId: z.string().nullable(),
  answeredCount: z.number().int(),
  updatedAt: z.string(),
  /** Its workstation had a plan for the cycle that did not include this unit: allowed, and marked 计划外. */
  outsidePlan: z.boolean(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentSchema = AssessmentSummarySchema.extend({
  unit: UnitBriefSchema,
  rubricId: z.string(),
  rubricSha256: z.string().nullable(),
  answers: AnswersSchema,
  details: DraftDetailsSchema,
  result: ScoreResultSchema.nullable(),
  scoreStars: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  supersedeReason: z.string().nullable(),
  /** The last time a team leader sent it back (退回修改): why, who, when; shown at the top of the draft. */
  sentBack: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  createdAt: z.string(),
  autosavedAt: z.string().nullable(),
  form: z.array(FormSectionSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const EvidenceSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  itemId: z.string(),
  sha256: z.string(),
  mime: z.string(),
  bytes: z.number().int(),
  originalName: z.string(),
  createdAt: z.string(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const RectificationSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  assessmentId: z.string().nullable(),
  itemId: z.string().nullable(),
  description: z.string(),
  owner: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(['open', 'done']),
  closedOn: z.string().nullable(),
  followUpAssessmentId: z.string().nullable(),
  /** open and past its due date on the day asked about */
  overdue: z.boolean(),
});
export type Rectification = z.infer<typeof RectificationSchema>;

export const HomeSummarySchema = z.object({
  units: z.number().int(),
  inScopeUnits: z.number().int(),
  byStars: z.array(z.object({ stars: z.number().int(), units: z.number().int() })),
  byDistrict: z.array(z.object({ code: z.string(), name: z.string(), units: z.number().int(), starred: z.number().int() })),
  drafts: z.array(AssessmentSummarySchema),
  awaitingSignature: z.number().int(),
  rectificationsDue: z.array(RectificationSchema),
  rectificationsOverdue: z.number().int(),
  today: isoDate,
});
export type HomeSummary = z.infer<typeof HomeSummarySchema>;

/** `assessments` counts every one made, drafts included: drafts, submitted and signed add up to it. */
const DemoResultSchema = z.object({
  units: z.number().int(),
  assessments: z.number().int(),
  drafts: z.number().int(),
  submitted: z.number().int(),
  signed: z.number().int(),
  rectifications: z.number().int(),
  /** Plaques issued for the latest cycle; none when the keys were not at hand, and `certificatesSkipped` says why. */
  certificates: z.number().int().optional(),
  certificatesSkipped: z.object({ reason: z.enum(['no-keys', 'keys-locked', 'wrong-passphrase', 'keys-refused']), message: z.string(), messageEn: z.string() }).nullable().optional(),
});
export type DemoResult = z.infer<typeof DemoResultSchema>;

/** One document of an `assessments.import`, as recorded (or found recorded before). */
export const ImportedAssessmentSchema = z.object({
  source: z.string(),
  id: z.string(),
  unitId: z.string(),
  unitCreated: z.boolean(),
  unitName: z.string(),
  cycle: z.number().int(),
  total: z.number(),
  scoreStars: z.number().int(),
  awardedStars: z.number().int(),
  decidedBy: z.string(),
  previousStars: z.number().int(),
  historyUsed: z.boolean(),
  /** Recorded before: nothing was written for it this time. */
  alreadyRecorded: z.boolean(),
});
export type ImportedAssessment = z.infer<typeof ImportedAssessmentSchema>;

export const assessmentProcedures = {
  'assessments.start': procedure({
    roles: assessors,
    writes: true, audit: ['assessment.start'],
    summary: 'Start an assessment of a unit for a cycle (returns the open one if there is one)',
    input: z
      .object({ unitId: id, cycle: cycle.optional(), assessedOn: isoDate.optional(), rubricId: z.string().max(100).optional(), followsUpId: id.optional() })
      .strict(),
    output: AssessmentSchema,
  }),
  'assessments.get': procedure({ roles: 'signedIn', writes: false, summary: 'One assessment with its form', input: z.object({ id }).strict(), output: AssessmentSchema }),
  'assessments.saveDraft': procedure({
    roles: assessors,
    writes: true, audit: ['assessment.save'],
    summary: 'Save (or autosave) a draft: incomplete answers are fine; answers out of range are kept flagged, the rest saved',
    input: z.object({ id, answers: AnswersSchema, details: DraftDetailsSchema.optional(), assessedOn: isoDate.optional(), autosave: z.boolean().optional() }).strict(),
    output: z.object({ id: z.string(), updatedAt: z.string(), autosavedAt: z.string().nullable(), flagged: z.array(FlaggedAnswerSchema) }),
  }),
  'assessments.preview': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Live score of a draft’s answers with the unit’s history (nothing is saved)',
    input: z.object({ id, answers: AnswersSchema }).strict(),
    output: PreviewSchema,
  }),
  'assessments.submit': procedure({
    roles: assessors,
    writes: true, audit: ['assessment.submit'],
    summary: 'Submit a complete draft for signing',
    input: z.object({ id, answers: AnswersSchema.optional(), details: DraftDetailsSchema.optional() }).strict(),
    output: AssessmentSchema,
  }),
  'assessments.reopen': procedure({
    roles: ['leader'],
    writes: true, audit: ['assessment.reopen'],
    summary: 'Send a submitted assessment back to draft with the reason the inspector will read (team leader)',
    input: z.object({ id, reason: z.string().trim().min(2, 'say why, in a few words').max(500) }).strict(),
    output: AssessmentSchema,
  }),
  'assessments.sign': procedure({ roles: ['leader'], writes: true, audit: ['assessment.sign', 'certificates.revokeForVeto', 'certificates.revokeSuperseded'], summary: 'Sign a submitted assessment (team leader): scored, recorded, immutable', input: z.object({ id }).strict(), output: AssessmentSchema }),
  'assessments.finalize': procedure({ roles: ['leader'], writes: true, audit: ['assessment.finalize'], summary: 'Mark a signed assessment final (team leader)', input: z.object({ id }).strict(), output: AssessmentSchema }),
  'assessments.supersede': procedure({
    roles: ['leader'],
    writes: true, audit: ['assessment.supersede'],
    summary: 'Start a correction of a signed assessment, with the reason',
    input: z.object({ id, reason: z.string().trim().min(2).max(1000) }).strict(),
    output: AssessmentSchema,
  }),
  'assessments.discard': procedure({ roles: assessors, writes: true, audit: ['assessment.discard'], summary: 'Delete a draft that was never submitted', input: z.object({ id }).strict(), output: z.object({ discarded: z.boolean() }) }),
  'assessments.listDrafts': procedure({ roles: 'signedIn', writes: false, summary: 'Open drafts and submitted assessments awaiting signature', input: z.object({}).strict(), output: z.array(AssessmentSummarySchema) }),
  'assessments.listForUnit': procedure({ roles: 'signedIn', writes: false, summary: 'Every assessment of one unit, newest first', input: z.object({ unitId: id }).strict(), output: z.array(AssessmentSummarySchema) }),
  'assessments.search': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The assessment list: filters (status, district, cycle, inspector, unit name) and one page, with the total and the filters’ choices',
    input: z
      .object({
        statuses: z.array(z.enum(assessmentStatuses)).max(4).optional(),
        districtCode: z.string().min(1).max(20).optional(),
        cycle: cycle.optional(),
        inspector: z.string().min(1).max(100).optional(),
        /** Only the caller's own: the assessments the logged-in user started (我的草稿). */
        mine: z.boolean().optional(),
        text: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(200).optional(),
        offset: z.number().int().min(0).max(10_000_000).optional(),
      })
      .strict(),
    output: z.object({ rows: z.array(AssessmentSummarySchema), total: z.number().int(), cycles: z.array(z.number().int()), inspectors: z.array(z.string()) }),
  }),
  'assessments.listRecent': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Recently signed assessments',
    input: z.object({ limit: z.number().int().min(1).max(100_000).optional(), cycle: cycle.optional() }).strict(),
    output: z.array(AssessmentSummarySchema),
  }),
  'evidence.add': procedure({
    roles: assessors,
    writes: true, audit: ['evidence.add'],
    summary: 'Attach a photo or PDF to an item of a draft (JPEG, PNG, WebP or PDF, at most 10 MB)',
    input: z.object({ assessmentId: id, itemId: z.string().min(1).max(40), name: z.string().min(1).max(255), mime: z.string().max(100), dataBase64: z.string().max(base64Length(maxEvidenceBytes)) }).strict(),
    output: EvidenceSchema,
  }),
  'evidence.list': procedure({ roles: 'signedIn', writes: false, summary: 'Evidence of an assessment', input: z.object({ assessmentId: id }).strict(), output: z.array(EvidenceSchema) }),
  'evidence.get': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'One evidence file as a data URL for display',
    input: z.object({ id }).strict(),
    output: z.object({ evidence: EvidenceSchema, dataUrl: z.string() }),
  }),
  'evidence.remove': procedure({ roles: assessors, writes: true, audit: ['evidence.remove'], summary: 'Remove evidence from a draft', input: z.object({ id }).strict(), output: z.object({ removed: z.boolean() }) }),
  'rectifications.open': procedure({
    roles: assessors,
    writes: true, audit: ['rectification.open'],
    summary: 'Record a rectification a unit must carry out by a date',
    input: z
      .object({ unitId: id, assessmentId: id.optional(), itemId: z.string().max(40).optional(), description: z.string().trim().min(1).max(2000), owner: z.string().max(100).optional(), dueOn: isoDate })
      .strict(),
    output: RectificationSchema,
  }),
  'rectifications.close': procedure({
    roles: assessors,
    writes: true, audit: ['rectification.close'],
    summary: 'Close a rectification (optionally naming the follow-up assessment that checked it)',
    input: z.object({ id, closedOn: isoDate.optional(), followUpAssessmentId: id.optional() }).strict(),
    output: RectificationSchema,
  }),
  'rectifications.listForUnit': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Rectifications of one unit',
    input: z.object({ unitId: id, includeDone: z.boolean().optional() }).strict(),
    output: z.array(RectificationSchema),
  }),
  'rectifications.listDue': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Open rectifications overdue or due within the next days',
    input: z.object({ asOf: isoDate.optional(), withinDays: z.number().int().min(0).max(366).optional() }).strict(),
    output: z.object({ overdue: z.array(RectificationSchema), due: z.array(RectificationSchema) }),
  }),
  'home.summary': procedure({ roles: 'signedIn', writes: false, summary: 'Counts by stars and district, drafts to finish, rectifications due', input: z.object({}).strict(), output: HomeSummarySchema }),
  'demo.load': procedure({
    roles: ['admin'],
    writes: true, job: 'demo.load', audit: ['demo.load', 'assessment.sign', 'certificate.issue'],
    summary: 'Fill the database with a realistic demo data set over some yearly cycles, and the plaques of the latest cycle when the keys unlock without asking (progress `certificates`)',
    input: z
      .object({
        units: z.number().int().min(demoLimits.units.min).max(demoLimits.units.max).optional(),
        cycles: z.number().int().min(demoLimits.cycles.min).max(demoLimits.cycles.max).optional(),
        seed: z.number().int().optional(),
      })
      .strict(),
    output: DemoResultSchema,
  }),
  'assessments.import': procedure({
    roles: ['leader'],
    writes: true, audit: ['assessment.import', 'units.create', 'certificates.revokeForVeto', 'certificates.revokeSuperseded'],
    summary: 'Record dingxing.assessment/1 documents as final assessments signed by this workstation, scored against each unit’s history; all or nothing',
    input: z
      .object({ documents: z.array(z.object({ source: z.string().min(1).max(500), json: z.unknown() }).strict()).min(1).max(maxDocumentsPerImport) })
      .strict(),
    output: z.array(ImportedAssessmentSchema),
  }),
};
