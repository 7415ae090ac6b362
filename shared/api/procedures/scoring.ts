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

/** One side of a re-score: what a pack made of the answers, or why it could not score them. */
export const RescoreSideSchema = z.object({
  rubric: z.string(),
  total: z.number().nullable(),
  scoreStars: z.number().int().nullable(),
  awardedStars: z.number().int().nullable(),
  decidedBy: z.string().nullable(),
  complete: z.boolean().nullable(),
  /** Why this side could not be scored. */
  error: z.string().nullable(),
});
export type RescoreSide = z.infer<typeof RescoreSideSchema>;

export const RescoreRowSchema = z.object({ source: z.string(), unit: z.string(), cycle: z.number().int(), old: RescoreSideSchema, new: RescoreSideSchema });
export type RescoreRow = z.infer<typeof RescoreRowSchema>;

/** A document from a file, named for messages; its content is checked by the core (shared/assessment/document.ts). */
const SourcedDocumentSchema = z.object({ source: z.string().min(1).max(500), document: z.unknown() }).strict();

export const scoringProcedures = {
  'scoring.preview': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Score answers as a draft (missing answers allowed) with the named star pack; invalid answers are refused naming the item',
    input: ScoringPreviewInputSchema,
    output: ScoreResultSchema,
  }),
  'scoring.score': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Score a dingxing.assessment/1 document with the pack it names and explain every point; with draft, missing answers are allowed',
    input: z.object({ source: z.string().min(1).max(500), document: z.unknown(), draft: z.boolean().default(false) }).strict(),
    output: ScoreResultSchema,
  }),
  'scoring.rescore': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'What the signed assessments (of a cycle) and the given documents would score under a pack (default: the pack in force for the cycle), beside what they scored; changes nothing',
    input: z
      .object({ rubric: PackRefSchema.optional(), cycle: z.number().int().min(2000).max(2100).optional(), documents: z.array(SourcedDocumentSchema).max(10_000).default([]) })
      .strict()
      .refine((input) => input.rubric !== undefined || input.cycle !== undefined, { message: 'name a rubric (id@version) or a cycle', path: ['rubric'] }),
    output: z.object({ rubric: z.string(), rows: z.array(RescoreRowSchema) }),
  }),
  'rubric.import': procedure({
    roles: ['admin'],
    writes: true,
    audit: ['rubric.import'],
    summary: 'Add a rubric pack (its JSON) after validating it; a stored id@version never changes',
    input: z.object({ pack: z.unknown() }).strict(),
    output: z.object({ ref: z.string(), sha256: z.string(), type: z.enum(['star', 'ding']), added: z.boolean() }),
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
