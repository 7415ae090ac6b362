/** Procedures of the star engine and the rubric packs: a draft score preview while answering, the packs and their hashes. */
import { z } from 'zod';
import { procedure } from '../procedure';
import { IsoDateSchema } from '../../assessment/iso-date';
import { BilingualSchema } from '../../rubric/label';
import { PackRefSchema } from '../../rubric/pack-ref';
import { RubricPackSchema } from '../../rubric/parse-pack';
import { UnitContextSchema } from '../../rubric/unit-kind';
import { ScoreResultSchema } from '../../scoring/result';

export const RubricPackSummarySchema = z.object({
  ref: z.string(),
  id: z.string(),
  version: z.string(),
  type: z.enum(['star', 'ding']),
  sha256: z.string(),
  title: BilingualSchema,
  origin: z.enum(['default', 'import', 'bundle']),
  addedAt: z.string(),
});
export type RubricPackSummary = z.infer<typeof RubricPackSummarySchema>;

export const ScoringPreviewInputSchema = z
  .object({
    rubric: PackRefSchema,
    unit: UnitContextSchema,
    answers: z.record(z.string(), z.unknown()),
    previousStars: z.number().int().min(0).max(5).default(0),
    lastVetoOn: IsoDateSchema.nullable().default(null),
    assessedOn: IsoDateSchema,
  })
  .strict();

export const scoringProcedures = {
  'scoring.preview': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Score answers as a draft (missing answers allowed) with the named star pack; invalid answers are refused naming the item',
    input: ScoringPreviewInputSchema,
    output: ScoreResultSchema,
  }),
  'rubric.list': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'The rubric packs stored on this workstation',
    input: z.object({}).strict(),
    output: z.object({
      packs: z.array(RubricPackSummarySchema),
      /** The packs new assessments and district grades use when none is named. */
      defaultRefs: z.array(z.string()),
    }),
  }),
  'rubric.get': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'One rubric pack (id@version) with its sha256',
    input: z.object({ ref: PackRefSchema }).strict(),
    output: RubricPackSummarySchema.extend({ pack: RubricPackSchema }),
  }),
};
