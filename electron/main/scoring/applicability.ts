/** Which items of a pack a unit is assessed on: by unit kind and, for industry rules, by its industry. */
import type { RubricItem, StarPack } from '@shared/rubric/star-pack';
import type { UnitKind } from '@shared/rubric/unit-kind';

export interface ApplicabilityUnit {
  kind: UnitKind;
  industry: string | null;
}

export function itemApplies(item: RubricItem, unit: ApplicabilityUnit): boolean {
  const applies = item.appliesTo;
  if (applies === undefined) return true;
  if (applies.kinds !== undefined && !applies.kinds.includes(unit.kind)) return false;
  if (applies.industries !== undefined && (unit.industry === null || !applies.industries.includes(unit.industry))) return false;
  return true;
}

/** Every item that applies to the unit, in pack order: categories, then add-ons, then vetoes. */
export function applicableItems(pack: StarPack, unit: ApplicabilityUnit): RubricItem[] {
  return allItems(pack).filter((item) => itemApplies(item, unit));
}

export function allItems(pack: StarPack): RubricItem[] {
  return [...pack.categories.flatMap((category) => category.items), ...pack.addOns.items, ...pack.vetoes.items];
}
