/**
 * A star pack compiled once into what scoring needs per call: items with their numbers in
 * integer hundredths, lookups by id, rule texts, the star conditions with their sentences, and
 * for each kind of unit (kind and industry) the items it is assessed on. Cached per parsed pack,
 * so scoring 100,000 assessments compiles once.
 */
import { toHundredths, toScaled } from '@shared/rubric/decimal';
import type { Condition, RubricItem, StarPack } from '@shared/rubric/star-pack';
import { countUnitOfLabel } from '@shared/rubric/label';
import type { Bilingual } from '@shared/rubric/label';
import type { TraceEntry } from '@shared/scoring/result';
import type { LoadedStarPack } from '../rubric/loaded-pack';
import { itemApplies } from './applicability';
import type { ApplicabilityUnit } from './applicability';
import type { ScoredAnswer } from './item-points';
import { itemTraceEntry } from './trace';

export interface ItemPlan {
  item: RubricItem;
  id: string;
  /** Index in Plan.items: pack order. */
  order: number;
  kind: RubricItem['kind'];
  group: 'category' | 'addOn' | 'veto';
  /** Index into Plan.categories; -1 for add-ons and vetoes. */
  categoryIndex: number;
  categoryId: string | undefined;
  /** All in hundredths (of points, or of a percent). */
  points: number;
  step: number;
  per: number;
  cap: number;
  full: number;
  perPoint: number;
  required: number;
  capStars: number;
  minSample: number;
  rule: string;
  ruleZh: string;
  ruleEn: string;
  /** Index into Plan.conditionItems when a star condition reads this item; else -1. */
  conditionIndex: number;
  /** The (frozen) entry of a draft that has no answer for this item. */
  missingEntry: TraceEntry;
  /** What a deduction counts (处, 件, 起: the measure word that ends the item's Chinese label), 项 when it names none. */
  countWord: string;
  /** What the answers yes and no gave, once scored (item-points.ts). */
  keptYes: ScoredAnswer | undefined;
  keptNo: ScoredAnswer | undefined;
  /** What numeric answers scored so far gave, by answer (item-points.ts). */
  keptNumbers: Map<number, ScoredAnswer>;
}

export interface ConditionPlan {
  condition: Condition;
  item: ItemPlan;
  /** Hundredths. */
  value: number;
  textZh: string;
  textEn: string;
}

export interface LevelPlan {
  stars: number;
  label: Bilingual;
  min: number;
  conditions: ConditionPlan[];
}

/** The items one kind of unit (kind and industry) is assessed on. */
export interface UnitItems {
  /** In pack order: categories, then add-ons, then vetoes. */
  items: ItemPlan[];
  /** Each item's place in `items`, by id. */
  positionOf: Map<string, number>;
  /** By ItemPlan.conditionIndex: whether the unit is assessed on that item (else its conditions are waived). */
  conditionApplies: boolean[];
}

export interface Plan {
  loaded: LoadedStarPack;
  items: ItemPlan[];
  byId: Map<string, ItemPlan>;
  categories: { id: string; max: number; label: Bilingual }[];
  addOnCap: number;
  levels: LevelPlan[];
  maxStepUp: number;
  vetoLockoutMonths: number;
  /** Items a star condition reads, each at its ItemPlan.conditionIndex. */
  conditionItems: ItemPlan[];
  /** The items `unit` is assessed on (compiled once per kind and industry). */
  itemsFor(unit: ApplicabilityUnit): UnitItems;
}

function ruleOf(item: RubricItem): { rule: string; ruleZh: string; ruleEn: string } {
  switch (item.kind) {
    case 'check':
      return { rule: `check ${item.points}`, ruleZh: `是得${item.points}分，否得0分`, ruleEn: `${item.points} if yes, else 0` };
    case 'scale':
      return { rule: `scale 0..${item.points} step ${item.step}`, ruleZh: `按实评0–${item.points}分（步长${item.step}）`, ruleEn: `0 to ${item.points} in steps of ${item.step}` };
    case 'deduct':
      return { rule: `per ${item.per}, cap ${item.cap}`, ruleZh: `每项扣${item.per}分，最多扣${item.cap}分`, ruleEn: `${item.per} off each, at most ${item.cap}` };
    case 'rate':
      return {
        rule: `rate ${item.points}, full ${item.full}, perPoint ${item.perPoint}`,
        ruleZh: `≥${item.full}%得${item.points}分，每低1个百分点扣${item.perPoint}分，扣完为止`,
        ruleEn: `${item.points} at ${item.full}% or more, ${item.perPoint} less per percentage point below, not below 0`,
      };
    case 'survey':
      return {
        rule: `survey ${item.points}, full ${item.full}, perPoint ${item.perPoint}, minSample ${item.minSample}, minShare ${item.minShare}`,
        ruleZh: `安全感≥${item.full}%得${item.points}分，每低1个百分点扣${item.perPoint}分；样本不少于${item.minSample}人且不少于户数的${toScaled(item.minShare, 4) / 100}%`,
        ruleEn: `${item.points} at ${item.full}% safe or more, ${item.perPoint} less per point below; sample at least ${item.minSample} and ${toScaled(item.minShare, 4) / 100}% of households`,
      };
    case 'gate':
      return {
        rule: `gate required ${item.required}, capStars ${item.capStars}`,
        ruleZh: `低于${item.required}%时最高${item.capStars}星`,
        ruleEn: `below ${item.required}% at most ${item.capStars} star${item.capStars === 1 ? '' : 's'}`,
      };
    case 'veto':
      return { rule: 'veto', ruleZh: '一票否决', ruleEn: 'veto' };
  }
}

function planItem(item: RubricItem, order: number, group: ItemPlan['group'], categoryIndex: number, categoryId: string | undefined): ItemPlan {
  const anyItem = item as Partial<Record<'points' | 'step' | 'per' | 'cap' | 'full' | 'perPoint' | 'required' | 'capStars' | 'minSample' | 'minShare', number>>;
  const rule = ruleOf(item);
  const plan: ItemPlan = {
    item,
    id: item.id,
    order,
    kind: item.kind,
    group,
    categoryIndex,
    categoryId,
    points: toHundredths(anyItem.points ?? 0),
    step: toHundredths(anyItem.step ?? 0),
    per: toHundredths(anyItem.per ?? 0),
    cap: toHundredths(anyItem.cap ?? 0),
    full: toHundredths(anyItem.full ?? 0),
    perPoint: toHundredths(anyItem.perPoint ?? 0),
    required: toHundredths(anyItem.required ?? 0),
    capStars: anyItem.capStars ?? 5,
    minSample: anyItem.minSample ?? 0,
    ...rule,
    conditionIndex: -1,
    missingEntry: Object.freeze(itemTraceEntry(item.id, 0, rule.rule, '未作答（草稿）', 'not answered (draft)', item.kind, categoryId, undefined)),
    countWord: countUnitOfLabel(item.label.zh) ?? '项',
    keptYes: undefined,
    keptNo: undefined,
    keptNumbers: new Map(),
  };
  return plan;
}

const opWords: Record<Condition['op'], [string, string]> = {
  '>=': ['≥', '≥'],
  '>': ['>', '>'],
  '<=': ['≤', '≤'],
  '<': ['<', '<'],
  '==': ['=', '='],
};
const measureWords: Record<Condition['measure'], [string, string]> = {
  rate: ['比率', 'rate'],
  answer: ['填报值', 'answer'],
  points: ['得分', 'points'],
};

function compile(loaded: LoadedStarPack): Plan {
  const pack: StarPack = loaded.pack;
  const items: ItemPlan[] = [];
  pack.categories.forEach((category, index) => {
    for (const item of category.items) items.push(planItem(item, items.length, 'category', index, category.id));
  });
  for (const item of pack.addOns.items) items.push(planItem(item, items.length, 'addOn', -1, undefined));
  for (const item of pack.vetoes.items) items.push(planItem(item, items.length, 'veto', -1, undefined));
  const byId = new Map(items.map((item) => [item.id, item]));
  const levels: LevelPlan[] = pack.stars.map((level) => ({
    stars: level.stars,
    label: level.label,
    min: toHundredths(level.min),
    conditions: level.conditions.map((condition) => {
      const [opZh, opEn] = opWords[condition.op];
      const [measureZh, measureEn] = measureWords[condition.measure];
      const unit = condition.measure === 'rate' ? '%' : '';
      return {
        condition,
        item: byId.get(condition.item) as ItemPlan,
        value: toHundredths(condition.value),
        textZh: `${condition.item}${measureZh}${opZh}${condition.value}${unit}`,
        textEn: `${condition.item} ${measureEn} ${opEn} ${condition.value}${unit}`,
      };
    }),
  }));
  const conditionItems: ItemPlan[] = [];
  for (const level of levels) {
    for (const { item } of level.conditions) {
      if (item.conditionIndex >= 0) continue;
      item.conditionIndex = conditionItems.length;
      conditionItems.push(item);
    }
  }
  const byKind = new Map<ApplicabilityUnit['kind'], Map<string | null, UnitItems>>();
  return {
    loaded,
    items,
    byId,
    categories: pack.categories.map((category) => ({ id: category.id, max: toHundredths(category.max), label: category.label })),
    addOnCap: toHundredths(pack.addOns.cap),
    levels,
    maxStepUp: pack.decision.maxStepUp,
    vetoLockoutMonths: pack.decision.vetoLockoutMonths,
    conditionItems,
    itemsFor(unit) {
      let byIndustry = byKind.get(unit.kind);
      if (byIndustry === undefined) {
        byIndustry = new Map();
        byKind.set(unit.kind, byIndustry);
      }
      let found = byIndustry.get(unit.industry);
      if (found === undefined) {
        const applicable = items.filter((plan) => itemApplies(plan.item, unit));
        found = {
          items: applicable,
          positionOf: new Map(applicable.map((plan, position) => [plan.id, position])),
          conditionApplies: conditionItems.map((item) => applicable.includes(item)),
        };
        byIndustry.set(unit.industry, found);
      }
      return found;
    },
  };
}

// Keyed by the parsed pack, not the LoadedStarPack wrapper: the pack store hands out a new
// wrapper on every load around the same cached pack, and compiling it each time would cost more
// than scoring.
const plans = new WeakMap<StarPack, Plan>();

export function planFor(loaded: LoadedStarPack): Plan {
  let plan = plans.get(loaded.pack);
  if (plan === undefined) {
    plan = compile(loaded);
    plans.set(loaded.pack, plan);
  }
  return plan;
}
