/**
 * The form an inspector fills, built from the rubric pack for one unit: the pack's categories,
 * then the industry add-ons, then the vetoes, each with only the items that apply to the unit.
 * Labels stay bilingual; the renderer picks the language.
 */
import { countUnitOfLabel } from '@shared/rubric/label';
import type { FormItem, FormSection } from '@shared/api/procedures/assessments';
import type { RubricItem, StarPack } from '@shared/rubric/star-pack';
import type { UnitContext } from '@shared/rubric/unit-kind';
import { itemApplies, surveyMinimumSample } from './scoring-port';
import { maxCount, maxRespondents } from '../scoring/answers';

/** The range and step the engine accepts for an item's number, so the field can stop a bad value where it is typed. */
function numberInput(item: RubricItem): FormItem['input'] {
  switch (item.kind) {
    case 'scale':
      return { min: 0, max: item.points, step: item.step, decimals: Number.isInteger(item.step) ? 0 : String(item.step).split('.')[1]?.length ?? 1 };
    case 'deduct':
      return { min: 0, max: maxCount, step: 1, decimals: 0 };
    case 'rate':
    case 'gate':
      return { min: 0, max: 100, step: 1, decimals: 2 };
    case 'survey':
      return { min: 0, max: maxRespondents, step: 1, decimals: 0 };
    default:
      return null;
  }
}

/** A count item's label ends with what it counts, as in 检查发现的隐患未整改（处）. */
function countUnit(item: RubricItem): FormItem['countUnit'] {
  if (item.kind !== 'deduct') return null;
  const unit = countUnitOfLabel(item.label.zh);
  return unit === null ? null : { zh: unit, en: '' };
}

function formItem(item: RubricItem, unit: UnitContext): FormItem {
  const numbers = item as Partial<Record<'points' | 'per' | 'cap' | 'full' | 'perPoint' | 'required' | 'capStars' | 'step', number>>;
  return {
    id: item.id,
    kind: item.kind,
    label: item.label,
    guidance: item.guidance ?? null,
    step: numbers.step ?? null,
    points: numbers.points ?? null,
    per: numbers.per ?? null,
    cap: numbers.cap ?? null,
    full: numbers.full ?? null,
    perPoint: numbers.perPoint ?? null,
    required: numbers.required ?? null,
    capStars: numbers.capStars ?? null,
    minSample: item.kind === 'survey' ? surveyMinimumSample(item, unit.households) : null,
    input: numberInput(item),
    countUnit: countUnit(item),
  };
}

export function buildForm(pack: StarPack, unit: UnitContext): FormSection[] {
  const sections: FormSection[] = pack.categories.map((category) => ({
    id: category.id,
    label: category.label,
    max: category.max,
    role: 'category' as const,
    items: category.items.filter((item) => itemApplies(item, unit)).map((item) => formItem(item, unit)),
  }));
  const addOns = pack.addOns.items.filter((item) => itemApplies(item, unit));
  if (addOns.length > 0) {
    sections.push({ id: 'ADDON', label: pack.addOns.label, max: pack.addOns.cap, role: 'addOn', items: addOns.map((item) => formItem(item, unit)) });
  }
  sections.push({
    id: 'VETO',
    label: pack.vetoes.label,
    max: null,
    role: 'veto',
    items: pack.vetoes.items.filter((item) => itemApplies(item, unit)).map((item) => formItem(item, unit)),
  });
  return sections.filter((section) => section.items.length > 0);
}

/** Every applicable item id, in form order. */
export function applicableIds(pack: StarPack, unit: UnitContext): string[] {
  return buildForm(pack, unit).flatMap((section) => section.items.map((item) => item.id));
}
