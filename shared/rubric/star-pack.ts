/**
 * The star rubric pack format (`type: "star"`): categories of items, industry add-ons, vetoes,
 * star thresholds and the decision policy. Structure only; cross-field rules live in validate-star-pack.ts.
 * Every object holding numbers says with `inferred` whether they come from a published Wuhan
 * document (false) or were inferred from comparable schemes (true), per docs/domain.md.
 */
import { z } from 'zod';
import { BilingualSchema } from './label';
import { IndustryIdSchema, UnitKindSchema } from './unit-kind';
import { PackIdSchema, PackVersionSchema } from './pack-ref';

export const itemKinds = ['check', 'scale', 'deduct', 'rate', 'survey', 'gate', 'veto'] as const;
export type ItemKind = (typeof itemKinds)[number];
/** Kinds that give points, which only a category may hold. */
export const pointKinds: readonly ItemKind[] = ['check', 'scale', 'rate', 'survey'];

export const ItemIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/, 'an item id is upper-case, e.g. PRE-5');
export const CategoryIdSchema = z.string().regex(/^[A-Z][A-Z0-9]*$/, 'a category id is upper-case, e.g. PRE');

const points = z.number().finite().min(0).max(100);
const percent = z.number().finite().min(0).max(100);

export const AppliesToSchema = z
  .object({
    /** Unit kinds the item applies to; absent means every kind. */
    kinds: z.array(UnitKindSchema).min(1).optional(),
    /** Industries the item applies to; absent means every unit whatever its industry. */
    industries: z.array(IndustryIdSchema).min(1).optional(),
  })
  .strict();
export type AppliesTo = z.infer<typeof AppliesToSchema>;

const itemBase = {
  id: ItemIdSchema,
  label: BilingualSchema,
  guidance: BilingualSchema.optional(),
  appliesTo: AppliesToSchema.optional(),
  inferred: z.boolean(),
};

export const CheckItemSchema = z.object({ ...itemBase, kind: z.literal('check'), points }).strict();
export const ScaleItemSchema = z
  .object({ ...itemBase, kind: z.literal('scale'), points, step: z.number().finite().positive().max(100) })
  .strict();
export const DeductItemSchema = z
  .object({ ...itemBase, kind: z.literal('deduct'), per: points.positive(), cap: points.positive() })
  .strict();
export const RateItemSchema = z
  .object({ ...itemBase, kind: z.literal('rate'), points, full: percent.positive(), perPoint: points })
  .strict();
export const SurveyItemSchema = z
  .object({
    ...itemBase,
    kind: z.literal('survey'),
    points,
    full: percent.positive(),
    perPoint: points,
    minSample: z.number().int().min(1).max(1_000_000),
    minShare: z.number().finite().min(0).max(1),
  })
  .strict();
export const GateItemSchema = z
  .object({ ...itemBase, kind: z.literal('gate'), required: percent, capStars: z.number().int().min(0).max(4) })
  .strict();
export const VetoItemSchema = z.object({ ...itemBase, kind: z.literal('veto') }).strict();

export const RubricItemSchema = z.discriminatedUnion('kind', [
  CheckItemSchema,
  ScaleItemSchema,
  DeductItemSchema,
  RateItemSchema,
  SurveyItemSchema,
  GateItemSchema,
  VetoItemSchema,
]);
export type RubricItem = z.infer<typeof RubricItemSchema>;
export type CheckItem = z.infer<typeof CheckItemSchema>;
export type ScaleItem = z.infer<typeof ScaleItemSchema>;
export type DeductItem = z.infer<typeof DeductItemSchema>;
export type RateItem = z.infer<typeof RateItemSchema>;
export type SurveyItem = z.infer<typeof SurveyItemSchema>;
export type GateItem = z.infer<typeof GateItemSchema>;
export type VetoItem = z.infer<typeof VetoItemSchema>;

export const CategorySchema = z
  .object({
    id: CategoryIdSchema,
    label: BilingualSchema,
    max: points.positive(),
    inferred: z.boolean(),
    items: z.array(RubricItemSchema).min(1),
  })
  .strict();
export type Category = z.infer<typeof CategorySchema>;

/**
 * An extra condition of a star level. `rate` is the percent of a rate, gate or survey item
 * (safe/respondents × 100 for a survey); `answer` the raw number answered; `points` what the item scored.
 */
export const ConditionSchema = z
  .object({
    item: ItemIdSchema,
    measure: z.enum(['rate', 'answer', 'points']),
    op: z.enum(['>=', '>', '<=', '<', '==']),
    value: z.number().finite().min(0).max(1_000_000),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

export const StarLevelSchema = z
  .object({
    stars: z.number().int().min(1).max(5),
    label: BilingualSchema,
    min: points.positive(),
    conditions: z.array(ConditionSchema).default([]),
    inferred: z.boolean(),
  })
  .strict();
export type StarLevel = z.infer<typeof StarLevelSchema>;

export const PackIndustrySchema = z.object({ id: IndustryIdSchema, label: BilingualSchema }).strict();

export const StarPackSchema = z
  .object({
    format: z.literal('dingxing.rubric/1'),
    type: z.literal('star'),
    id: PackIdSchema,
    version: PackVersionSchema,
    title: BilingualSchema,
    /**
     * The first assessment cycle (year) this version is in force for: a new assessment of cycle Y
     * without a named pack uses the star pack with the highest inForceFrom ≤ Y (the shipped default
     * when none declares one). Absent: the pack is used only when named.
     */
    inForceFrom: z.number().int().min(2000).max(2100).optional(),
    /** Where the numbers come from, for the people who dispute them. */
    source: BilingualSchema,
    industries: z.array(PackIndustrySchema).default([]),
    categories: z.array(CategorySchema).min(1),
    /** Industry add-ons: deductions off the total (at most `cap` together), gates and vetoes. */
    addOns: z
      .object({ label: BilingualSchema, cap: points, inferred: z.boolean(), items: z.array(RubricItemSchema) })
      .strict(),
    vetoes: z.object({ label: BilingualSchema, items: z.array(RubricItemSchema) }).strict(),
    stars: z.array(StarLevelSchema).min(1).max(5),
    decision: z
      .object({
        /** Stars a unit may rise in one cycle above its previous stars (逐级). */
        maxStepUp: z.number().int().min(1).max(5),
        /** Months after a veto during which a unit gets no stars. */
        vetoLockoutMonths: z.number().int().min(0).max(120),
        inferred: z.boolean(),
      })
      .strict(),
  })
  .strict();
export type StarPack = z.output<typeof StarPackSchema>;
