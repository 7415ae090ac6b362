/** What a rubric needs to know about the rated unit: its kind and optional industry (docs/domain.md, words). */
import { z } from 'zod';
import { unitKinds } from '../domain/unit-kinds';
import type { UnitKind } from '../domain/unit-kinds';


export { unitKinds };
export type { UnitKind };
export const UnitKindSchema = z.enum(unitKinds);

/** Industries are open-ended (delivery, finance, later school, hospital …); a pack declares the ones it knows. */
export const IndustryIdSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'an industry id is lower-case letters, digits and dashes');

export const UnitContextSchema = z
  .object({
    kind: UnitKindSchema,
    industry: IndustryIdSchema.nullable().default(null),
    /** Households (or staff) the survey sample is measured against; null when not known. */
    households: z.number().int().min(0).max(100_000_000).nullable().default(null),
  })
  .strict();
export type UnitContext = z.output<typeof UnitContextSchema>;
