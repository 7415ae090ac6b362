/**
 * One district's 平安鼎 evaluation for a cycle, as the Ding engine returns it and every door
 * shows it. The contract fields of `dingxing ding --json` (docs/ding.md) come first.
 */
import { z } from 'zod';
import { DingGradeSchema } from '../rubric/ding-pack';
import { unitKinds } from './unit-kinds';
import { AspectScoresSchema } from './district-inputs';

/** The rule that decided the grade (docs/domain.md): the first failed condition, else stepUp, else composite. */
export const dingDecisions = ['veto', 'coverage', 'zongzhi', 'stepUp', 'composite'] as const;
export const DingDecisionSchema = z.enum(dingDecisions);
export type DingDecision = z.infer<typeof DingDecisionSchema>;

export const CoverageCountsSchema = z.object({
  inScopeUnits: z.number().int(),
  starredUnits: z.number().int(),
});
export type CoverageCounts = z.infer<typeof CoverageCountsSchema>;

export const DingTraceStepSchema = z.object({
  rule: z.enum(['coverage', 'zongzhi', 'veto', 'eligibility', 'composite', 'grade', 'stepUp', 'noInputs']),
  /** Whether the condition held (for eligibility conditions); null for a computation. */
  passed: z.boolean().nullable(),
  zh: z.string(),
  en: z.string(),
});
export type DingTraceStep = z.infer<typeof DingTraceStepSchema>;

export const DingRowSchema = z.object({
  district: z.string(),
  name: z.string(),
  nameEn: z.string(),
  inScopeUnits: z.number().int(),
  starredUnits: z.number().int(),
  /** 0–1, to four decimals (a percentage to two). */
  coverage: z.number(),
  zongzhi: z.number().nullable(),
  composite: z.number().nullable(),
  eligible: z.boolean(),
  grade: DingGradeSchema,
  /** null when the district has no inputs for the cycle (not evaluated). */
  decidedBy: DingDecisionSchema.nullable(),
  cycle: z.number().int(),
  evaluated: z.boolean(),
  /** Why a district was not evaluated, in Chinese and English; null when it was. */
  notEvaluatedReason: z.object({ zh: z.string(), en: z.string() }).nullable(),
  ruleOfLaw: z.number().nullable(),
  aspects: AspectScoresSchema.nullable(),
  veto: z.boolean().nullable(),
  vetoReason: z.string().nullable(),
  /**
   * Last cycle's grade, one definition for every view (docs/ding.md): the engine's grade for the
   * previous cycle where that cycle has inputs here, else the one recorded with this cycle's inputs.
   */
  previousGrade: DingGradeSchema.nullable(),
  /** Where `previousGrade` comes from: `evaluation` (the previous cycle, evaluated here) or `inputs`; null when unknown. */
  previousGradeSource: z.enum(['evaluation', 'inputs']).nullable(),
  /** The grade the composite alone reaches, before the one-grade rise. */
  compositeGrade: DingGradeSchema.nullable(),
  coverageByKind: z.record(z.enum(unitKinds), CoverageCountsSchema),
  /** Rank by composite among evaluated districts (1 = highest); null when not evaluated. */
  rank: z.number().int().nullable(),
  trace: z.array(DingTraceStepSchema),
});
export type DingRow = z.infer<typeof DingRowSchema>;
