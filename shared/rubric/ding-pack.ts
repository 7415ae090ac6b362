/**
 * The Ding rubric pack format (`type: "ding"`): how a district's composite, eligibility and
 * 平安鼎 grade are computed (docs/domain.md, the 平安鼎 of a district). The Ding engine reads it; this file
 * is structure only, cross-field rules are in validate-ding-pack.ts.
 */
import { z } from 'zod';
import { BilingualSchema } from './label';
import { PackIdSchema, PackVersionSchema } from './pack-ref';

export const dingGrades = ['none', 'bronze', 'silver', 'gold'] as const;
export const DingGradeSchema = z.enum(dingGrades);
export type DingGrade = z.infer<typeof DingGradeSchema>;

/** The eight aspects of 综治, named as in the district-inputs format (docs/ding.md). */
export const aspectIds = [
  'politicalStability',
  'publicOrder',
  'economicOrder',
  'workSafety',
  'foodDrugSafety',
  'ecology',
  'grassrootsGovernance',
  'livelihood',
] as const;
export const AspectIdSchema = z.enum(aspectIds);

const weight = z.number().finite().min(0).max(1);
const score = z.number().finite().min(0).max(100);

export const DingPackSchema = z
  .object({
    format: z.literal('dingxing.rubric/1'),
    type: z.literal('ding'),
    id: PackIdSchema,
    version: PackVersionSchema,
    title: BilingualSchema,
    source: BilingualSchema,
    /** composite = ruleOfLaw × 依法治国 + zongzhi × 综治 + coverage × (coverage × 100). */
    compositeWeights: z
      .object({ ruleOfLaw: weight, zongzhi: weight, coverage: weight, inferred: z.boolean() })
      .strict(),
    /** 综治 is the weighted mean of the aspects. */
    aspects: z
      .array(z.object({ id: AspectIdSchema, label: BilingualSchema, weight, inferred: z.boolean() }).strict())
      .length(aspectIds.length),
    eligibility: z
      .object({
        /** Share (0–1) of in-scope units holding a valid star ≥ 1. */
        minCoverage: weight,
        minZongzhi: score,
        /** A district veto makes the district ineligible. */
        vetoExcludes: z.boolean(),
        inferred: z.boolean(),
      })
      .strict(),
    grades: z
      .array(
        z
          .object({ grade: z.enum(['bronze', 'silver', 'gold']), label: BilingualSchema, min: score, inferred: z.boolean() })
          .strict(),
      )
      .length(3),
    /** Grades a district may rise in one cycle above its previous grade. */
    promotion: z.object({ maxStepUp: z.number().int().min(1).max(3), inferred: z.boolean() }).strict(),
  })
  .strict();
export type DingPack = z.output<typeof DingPackSchema>;
