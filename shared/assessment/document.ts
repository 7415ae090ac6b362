/**
 * The assessment interchange format `dingxing.assessment/1` (docs/scoring.md): what `score`,
 * `rescore` and `assessments import` read. Answers are checked against the rubric pack by the
 * engine, which knows the items; this schema checks everything else.
 */
import { z } from 'zod';
import { PackRefSchema } from '../rubric/pack-ref';
import { IndustryIdSchema, UnitKindSchema } from '../rubric/unit-kind';
import { IsoDateSchema } from './iso-date';
import { CycleSchema } from '../domain/cycle';

export const assessmentFormat = 'dingxing.assessment/1';

export const AssessmentUnitSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .nullish()
    .transform((id) => id ?? undefined),
  name: z.string().trim().min(1).max(200),
  kind: UnitKindSchema,
  industry: IndustryIdSchema.nullable().default(null),
  /** A district code (e.g. 420105) or name (e.g. 汉阳区); checked against the database by whoever stores it. */
  district: z.string().trim().min(1, 'a district code (e.g. 420105) or name is required').max(50),
  uscc: z
    .string()
    .regex(/^[0-9A-Z]{18}$/, 'a USCC (统一社会信用代码) is 18 digits or capital letters')
    .nullish()
    .transform((uscc) => uscc ?? undefined),
  households: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export type AssessmentUnit = z.output<typeof AssessmentUnitSchema>;

export const AssessmentDocumentSchema = z
  .object({
    format: z.literal(assessmentFormat, { error: `format must be "${assessmentFormat}"` }),
    id: z
      .string()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'id must be a UUID')
      .nullish()
      .transform((id) => id ?? undefined),
    rubric: PackRefSchema,
    unit: AssessmentUnitSchema,
    cycle: CycleSchema,
    assessedOn: IsoDateSchema,
    /** Stars before this assessment; 0 for a first assessment. */
    previousStars: z.number().int().min(0).max(5).nullable().default(0).transform((stars) => stars ?? 0),
    lastVetoOn: IsoDateSchema.nullable().default(null),
    /** Item id → answer; the shape of each answer depends on the item's kind. */
    answers: z.record(z.string(), z.unknown()),
  })
  .refine((document) => document.lastVetoOn === null || document.lastVetoOn <= document.assessedOn, {
    path: ['lastVetoOn'],
    message: 'lastVetoOn is after assessedOn',
  });
export type AssessmentDocument = z.output<typeof AssessmentDocumentSchema>;
