/**
 * What scoring needs per unit profile (a pack's items for one unit kind and industry), compiled
 * once per plan and profile: the applicable items in pack order and which star conditions read
 * an item the unit is assessed on (the others are waived). The last profile used is kept at hand,
 * since bulk scoring goes unit after unit of the same kind.
 */
import type { ApplicabilityUnit } from './applicability';
import type { ItemPlan, Plan } from './plan';

export interface ProfileSlot {
  item: ItemPlan;
  /** Where the item's entry goes in the trace (its place among the applicable items). */
  position: number;
}

export interface UnitProfile {
  kind: ApplicabilityUnit['kind'];
  industry: string | null;
  items: ItemPlan[];
  /** Applicable items by id. */
  byId: Map<string, ProfileSlot>;
  /** The applicable items' slots in pack order. */
  slots: ProfileSlot[];
  /** By Plan.conditionItems index: whether that item applies to the unit. */
  conditionApplies: boolean[];
}

const profiles = new WeakMap<Plan, { last: UnitProfile | undefined; byKey: Map<string, UnitProfile> }>();

function compileProfile(plan: Plan, unit: ApplicabilityUnit): UnitProfile {
  const ids = plan.applicableIds(unit);
  const items = plan.applicable(unit);
  const slots = items.map((item, position) => ({ item, position }));
  return {
    kind: unit.kind,
    industry: unit.industry,
    items,
    byId: new Map(slots.map((slot) => [slot.item.id, slot])),
    slots,
    conditionApplies: plan.conditionItems.map((item) => ids.has(item.id)),
  };
}

export function profileFor(plan: Plan, unit: ApplicabilityUnit): UnitProfile {
  let cache = profiles.get(plan);
  if (cache === undefined) {
    cache = { last: undefined, byKey: new Map() };
    profiles.set(plan, cache);
  }
  const last = cache.last;
  if (last !== undefined && last.kind === unit.kind && last.industry === unit.industry) return last;
  const key = `${unit.kind}|${unit.industry ?? ''}`;
  let found = cache.byKey.get(key);
  if (found === undefined) {
    found = compileProfile(plan, unit);
    cache.byKey.set(key, found);
  }
  cache.last = found;
  return found;
}
