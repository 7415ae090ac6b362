/**
 * What the city office enters for a district and cycle before the 平安鼎 is decided: the
 * 依法治国 score, the eight 综治 aspect scores, a district veto and the previous grade. The file
 * format `dingxing.district-inputs/1` (docs/ding.md) and the entry form share this one schema.
 */
import { z } from 'zod';
import { aspectIds, DingGradeSchema } from '../rubric/ding-pack';
import { hasAtMostDecimals } from '../rubric/decimal';

export const districtInputsFormat = 'dingxing.district-inputs/1';

/** A score 0–100 with at most two decimals (the engine counts in hundredths). */
export const DistrictScoreSchema = z
  .number({ error: 'must be a number from 0 to 100' })
  .finite()
  .min(0, { error: 'must be at least 0' })
  .max(100, { error: 'must be at most 100' })
  .refine((value) => hasAtMostDecimals(value, 2), { error: 'may have at most two decimal places' });

export const AspectScoresSchema = z
  .object(Object.fromEntries(aspectIds.map((id) => [id, DistrictScoreSchema])) as Record<(typeof aspectIds)[number], typeof DistrictScoreSchema>)
  .strict();
export type AspectScores = z.infer<typeof AspectScoresSchema>;

export const DistrictInputEntrySchema = z
  .object({
    /** A district code (420102…, 4201DH) or its name; the core resolves it against the database. */
    district: z.string().trim().min(1).max(60),
    ruleOfLaw: DistrictScoreSchema,
    aspects: AspectScoresSchema,
    veto: z.boolean(),
    /** Why the district is vetoed; the entry form asks for it, a file may leave it out. */
    vetoReason: z.string().trim().max(500).nullable().optional(),
    previousGrade: DingGradeSchema,
  })
  .strict();
export type DistrictInputEntry = z.infer<typeof DistrictInputEntrySchema>;

export const DistrictInputsDocumentSchema = z
  .object({
    format: z.literal(districtInputsFormat),
    cycle: z.number().int().min(2000).max(2100),
    districts: z.array(DistrictInputEntrySchema).min(1).max(100),
  })
  .strict();
export type DistrictInputsDocument = z.infer<typeof DistrictInputsDocumentSchema>;

/** Inputs as stored: the district resolved to its code, with who entered them and when. */
export const StoredDistrictInputsSchema = z.object({
  id: z.string(),
  cycle: z.number().int(),
  district: z.string(),
  ruleOfLaw: z.number(),
  aspects: AspectScoresSchema,
  veto: z.boolean(),
  vetoReason: z.string().nullable(),
  previousGrade: DingGradeSchema,
  /** Who entered them: a user's id, or `cli:<account>`. */
  enteredBy: z.string(),
  /** That user's display name; null for the command line or a user not of this workstation. */
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
  source: z.string(),
});
export type StoredDistrictInputs = z.infer<typeof StoredDistrictInputsSchema>;
