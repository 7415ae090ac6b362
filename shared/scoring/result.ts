/**
 * What the star engine returns (docs/scoring.md, `dingxing score --json`): the totals, the star
 * decision and a trace in which every point given or taken appears, so a person can recompute
 * the total by hand: the points of all trace entries add up to `total`.
 */
import { z } from 'zod';

export const decidedByValues = ['threshold', 'condition', 'gate', 'stepUp', 'veto', 'lockout'] as const;
export const DecidedBySchema = z.enum(decidedByValues);
export type DecidedBy = z.infer<typeof DecidedBySchema>;

export const TraceEntrySchema = z.object({
  /** An item id, a category id, or ADD-ON / TOTAL / STARS for the steps after the items. */
  item: z.string(),
  /** Points this entry gives (+) or takes (−); 0 for decision steps and gates. */
  points: z.number(),
  /** The explanation in Chinese; `whyEn` is the same in English. */
  why: z.string(),
  whyZh: z.string(),
  whyEn: z.string(),
  /** item | category | addOnCap | total | stars */
  step: z.enum(['item', 'category', 'addOnCap', 'total', 'stars']),
  /** The rule applied, e.g. "per 1, cap 5" or a decision rule name. */
  rule: z.string(),
  kind: z.string().optional(),
  category: z.string().optional(),
  answer: z.unknown().optional(),
});
export type TraceEntry = z.infer<typeof TraceEntrySchema>;

export const ScoreResultSchema = z.object({
  rubric: z.string(),
  rubricSha256: z.string(),
  engine: z.string(),
  complete: z.boolean(),
  /** Applicable items without an answer (a draft only). */
  missing: z.array(z.string()),
  /** Why the assessment is incomplete besides missing answers (e.g. a survey sample too small). */
  incompleteReasons: z.array(z.object({ item: z.string(), message: z.string() })),
  total: z.number(),
  categories: z.record(z.string(), z.number()),
  addOnDeduction: z.number(),
  vetoed: z.boolean(),
  lockedOut: z.boolean(),
  scoreStars: z.number().int(),
  awardedStars: z.number().int(),
  decidedBy: DecidedBySchema,
  trace: z.array(TraceEntrySchema),
});
export type ScoreResult = z.infer<typeof ScoreResultSchema>;
