/**
 * Cross-field rules of a star pack that its schema cannot say: unique ids, item points adding
 * up to each category's maximum, categories adding up to 100, increasing thresholds, conditions
 * that name existing items with a measure they have, declared industries. Returns every problem
 * with the JSON path where it is, so a pack author can fix them all at once.
 */
import type { ErrorIssue } from '../api/errors';
import { hasAtMostDecimals, toHundredths } from './decimal';
import type { Condition, RubricItem, StarPack } from './star-pack';
import { pointKinds } from './star-pack';
import { unitKinds } from './unit-kind';

type Path = (string | number)[];

/** The number of points a point-giving item can give at most (0 for the others). */
export function maxPointsOf(item: RubricItem): number {
  return item.kind === 'check' || item.kind === 'scale' || item.kind === 'rate' || item.kind === 'survey' ? item.points : 0;
}

const measuresByKind: Record<Condition['measure'], readonly RubricItem['kind'][]> = {
  rate: ['rate', 'survey', 'gate'],
  answer: ['scale', 'deduct', 'rate', 'gate'],
  points: ['check', 'scale', 'deduct', 'rate', 'survey'],
};

function appliesToKind(item: RubricItem, kind: string): boolean {
  return item.appliesTo?.kinds === undefined || item.appliesTo.kinds.includes(kind as never);
}

function checkNumbers(item: RubricItem, path: Path, issues: ErrorIssue[]): void {
  const twoPlaces: [string, number][] = [];
  if ('points' in item) twoPlaces.push(['points', item.points]);
  if (item.kind === 'scale') twoPlaces.push(['step', item.step]);
  if (item.kind === 'deduct') twoPlaces.push(['per', item.per], ['cap', item.cap]);
  if (item.kind === 'rate' || item.kind === 'survey') twoPlaces.push(['full', item.full], ['perPoint', item.perPoint]);
  if (item.kind === 'gate') twoPlaces.push(['required', item.required]);
  for (const [field, value] of twoPlaces) {
    if (!hasAtMostDecimals(value, 2)) issues.push({ path: [...path, field], message: `${field} may have at most 2 decimal places` });
  }
  if (item.kind === 'survey' && !hasAtMostDecimals(item.minShare, 4)) {
    issues.push({ path: [...path, 'minShare'], message: 'minShare may have at most 4 decimal places' });
  }
  if (item.kind === 'scale' && hasAtMostDecimals(item.step, 2) && toHundredths(item.points) % toHundredths(item.step) !== 0) {
    issues.push({ path: [...path, 'step'], message: `points ${item.points} is not a whole number of steps of ${item.step}` });
  }
}

export function validateStarPack(pack: StarPack): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const items = new Map<string, RubricItem>();
  const declaredIndustries = new Set(pack.industries.map((industry) => industry.id));

  pack.industries.forEach((industry, index) => {
    if (pack.industries.findIndex((other) => other.id === industry.id) !== index) {
      issues.push({ path: ['industries', index, 'id'], message: `duplicate industry id ${industry.id}` });
    }
  });

  const visit = (item: RubricItem, path: Path) => {
    if (items.has(item.id)) issues.push({ path: [...path, 'id'], message: `duplicate item id ${item.id}` });
    else items.set(item.id, item);
    checkNumbers(item, path, issues);
    item.appliesTo?.industries?.forEach((industry, index) => {
      if (!declaredIndustries.has(industry)) {
        issues.push({ path: [...path, 'appliesTo', 'industries', index], message: `industry ${industry} is not declared in industries` });
      }
    });
  };

  let totalMax = 0;
  pack.categories.forEach((category, categoryIndex) => {
    const path: Path = ['categories', categoryIndex];
    if (pack.categories.findIndex((other) => other.id === category.id) !== categoryIndex) {
      issues.push({ path: [...path, 'id'], message: `duplicate category id ${category.id}` });
    }
    if (!hasAtMostDecimals(category.max, 2)) issues.push({ path: [...path, 'max'], message: 'max may have at most 2 decimal places' });
    totalMax += toHundredths(category.max);
    category.items.forEach((item, itemIndex) => {
      const itemPath = [...path, 'items', itemIndex];
      visit(item, itemPath);
      if (pointKinds.includes(item.kind) && item.appliesTo?.industries !== undefined) {
        issues.push({ path: [...itemPath, 'appliesTo', 'industries'], message: 'an item that gives points applies to every industry; industry rules belong in addOns' });
      }
    });
    // Every unit kind the category serves must be able to reach its maximum, and no more.
    for (const kind of unitKinds) {
      const applicable = category.items.filter((item) => pointKinds.includes(item.kind) && appliesToKind(item, kind));
      if (applicable.length === 0) continue;
      const sum = applicable.reduce((total, item) => total + toHundredths(maxPointsOf(item)), 0);
      if (sum !== toHundredths(category.max)) {
        issues.push({
          path: [...path, 'max'],
          message: `items of ${category.id} applying to ${kind} add up to ${sum / 100}, not the category maximum ${category.max}`,
        });
        break;
      }
    }
  });
  if (totalMax !== 10_000) issues.push({ path: ['categories'], message: `category maxima add up to ${totalMax / 100}, not 100` });

  pack.addOns.items.forEach((item, index) => {
    const path: Path = ['addOns', 'items', index];
    visit(item, path);
    if (pointKinds.includes(item.kind)) issues.push({ path: [...path, 'kind'], message: `an add-on cannot be a ${item.kind} item; add-ons only deduct, gate or veto` });
  });
  if (!hasAtMostDecimals(pack.addOns.cap, 2)) issues.push({ path: ['addOns', 'cap'], message: 'cap may have at most 2 decimal places' });

  pack.vetoes.items.forEach((item, index) => {
    const path: Path = ['vetoes', 'items', index];
    visit(item, path);
    if (item.kind !== 'veto') issues.push({ path: [...path, 'kind'], message: `the vetoes group holds veto items only, not ${item.kind}` });
  });

  pack.stars.forEach((level, index) => {
    const path: Path = ['stars', index];
    if (level.stars !== index + 1) issues.push({ path: [...path, 'stars'], message: `levels must be 1, 2, 3 … in order; expected ${index + 1}` });
    if (!hasAtMostDecimals(level.min, 2)) issues.push({ path: [...path, 'min'], message: 'min may have at most 2 decimal places' });
    const previous = pack.stars[index - 1];
    if (previous !== undefined && !(level.min > previous.min)) {
      issues.push({ path: [...path, 'min'], message: `threshold ${level.min} must be above the previous level's ${previous.min}` });
    }
    level.conditions.forEach((condition, conditionIndex) => {
      const conditionPath = [...path, 'conditions', conditionIndex];
      if (!hasAtMostDecimals(condition.value, 2)) issues.push({ path: [...conditionPath, 'value'], message: 'value may have at most 2 decimal places' });
      const target = items.get(condition.item);
      if (target === undefined) {
        issues.push({ path: [...conditionPath, 'item'], message: `condition names ${condition.item}, which is not an item of this pack` });
      } else if (!measuresByKind[condition.measure].includes(target.kind)) {
        issues.push({ path: [...conditionPath, 'measure'], message: `a ${target.kind} item has no ${condition.measure} to compare` });
      }
    });
  });
  return issues;
}
