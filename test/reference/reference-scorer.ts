/**
 * A plain reference scorer, written from docs/scoring.md and docs/domain.md and nothing else: no
 * caches, no plans, no trace tables, exact arithmetic in BigInt hundredths. It is slow and
 * obviously correct; the property test holds the fast engine to it.
 */
import type { Condition, RubricItem, StarPack } from '@shared/rubric/star-pack';
import type { UnitKind } from '@shared/rubric/unit-kind';

export interface ReferenceUnit {
  kind: UnitKind;
  industry: string | null;
  households: number | null;
}

export interface ReferenceInput {
  unit: ReferenceUnit;
  answers: Record<string, unknown>;
  previousStars: number;
  lastVetoOn: string | null;
  assessedOn: string;
}

export interface ReferenceResult {
  refused: false;
  complete: boolean;
  missing: string[];
  lowSamples: string[];
  /** Points per answered applicable item, in hundredths. */
  itemPoints: Record<string, number>;
  categories: Record<string, number>;
  addOnDeduction: number;
  total: number;
  vetoed: boolean;
  lockedOut: boolean;
  scoreStars: number;
  awardedStars: number;
  decidedBy: 'threshold' | 'condition' | 'gate' | 'stepUp' | 'veto' | 'lockout';
}

/** Pack and answer numbers have at most two decimals: hundredths as an exact integer. */
const h = (value: number): bigint => BigInt(Math.round(value * 100));

/** ⌊(2n + d) / 2d⌋ for n ≥ 0: n/d rounded half up. */
function roundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

function applies(item: RubricItem, unit: ReferenceUnit): boolean {
  const rule = item.appliesTo;
  if (rule?.kinds && !rule.kinds.includes(unit.kind)) return false;
  if (rule?.industries && (unit.industry === null || !rule.industries.includes(unit.industry))) return false;
  return true;
}

/** points − perPoint × (full − rate) for a rate of num/den percent, rounded half up to 0.01, not below 0. */
function rateItemPoints(points: bigint, full: bigint, perPoint: bigint, rateNumerator: bigint, rateDenominator: bigint): bigint {
  // rate in hundredths of a percent = rateNumerator / rateDenominator.
  if (rateNumerator >= full * rateDenominator) return points;
  const numerator = 100n * points * rateDenominator - perPoint * (full * rateDenominator - rateNumerator);
  if (numerator <= 0n) return 0n;
  return roundHalfUp(numerator, 100n * rateDenominator);
}

function pointsOf(item: RubricItem, answer: unknown): bigint {
  switch (item.kind) {
    case 'check':
      return answer === true ? h(item.points) : 0n;
    case 'scale':
      return h(answer as number);
    case 'deduct': {
      const taken = h(item.per) * BigInt(answer as number);
      return -(taken > h(item.cap) ? h(item.cap) : taken);
    }
    case 'rate':
      return rateItemPoints(h(item.points), h(item.full), h(item.perPoint), h(answer as number), 1n);
    case 'survey': {
      const { respondents, safe } = answer as { respondents: number; safe: number };
      return rateItemPoints(h(item.points), h(item.full), h(item.perPoint), BigInt(safe) * 10_000n, BigInt(respondents));
    }
    case 'gate':
    case 'veto':
      return 0n;
  }
}

function minimumSample(minSample: number, minShare: number, households: number | null): number {
  if (households === null) return minSample;
  const share = BigInt(Math.round(minShare * 10_000));
  const needed = (share * BigInt(households) + 9_999n) / 10_000n;
  return Math.max(minSample, Number(needed));
}

function compare(left: bigint, op: Condition['op'], right: bigint): boolean {
  if (op === '>=') return left >= right;
  if (op === '>') return left > right;
  if (op === '<=') return left <= right;
  if (op === '<') return left < right;
  return left === right;
}

/** A month later on the calendar; a day the month lacks becomes its last day. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, lastDay));
  return first.toISOString().slice(0, 10);
}

export function referenceScore(pack: StarPack, input: ReferenceInput): ReferenceResult | { refused: true } {
  const items = [...pack.categories.flatMap((category) => category.items), ...pack.addOns.items, ...pack.vetoes.items];
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const id of Object.keys(input.answers)) {
    const item = byId.get(id);
    if (!item || !applies(item, input.unit)) return { refused: true };
  }
  const answered = (item: RubricItem) => Object.hasOwn(input.answers, item.id);

  const itemPoints: Record<string, number> = {};
  const missing: string[] = [];
  const lowSamples: string[] = [];
  for (const item of items) {
    if (!applies(item, input.unit)) continue;
    if (!answered(item)) {
      missing.push(item.id);
      continue;
    }
    itemPoints[item.id] = Number(pointsOf(item, input.answers[item.id]));
    if (item.kind === 'survey') {
      const { respondents } = input.answers[item.id] as { respondents: number };
      if (respondents < minimumSample(item.minSample, item.minShare, input.unit.households)) lowSamples.push(item.id);
    }
  }

  const categories: Record<string, number> = {};
  let sumOfCategories = 0n;
  for (const category of pack.categories) {
    let sum = 0n;
    for (const item of category.items) sum += BigInt(itemPoints[item.id] ?? 0);
    const max = h(category.max);
    const score = sum < 0n ? 0n : sum > max ? max : sum;
    categories[category.id] = Number(score) / 100;
    sumOfCategories += score;
  }
  let addOnTaken = 0n;
  for (const item of pack.addOns.items) addOnTaken -= BigInt(itemPoints[item.id] ?? 0);
  if (addOnTaken > h(pack.addOns.cap)) addOnTaken = h(pack.addOns.cap);
  let total = sumOfCategories - addOnTaken;
  if (total < 0n) total = 0n;
  if (total > 10_000n) total = 10_000n;

  // Stars, in the order of docs/domain.md.
  let thresholdStars = 0;
  for (const level of pack.stars) if (total >= h(level.min)) thresholdStars = Math.max(thresholdStars, level.stars);

  const conditionHolds = (condition: Condition): boolean => {
    const item = byId.get(condition.item) as RubricItem;
    if (!applies(item, input.unit)) return true; // waived
    if (!answered(item)) return false;
    const answer = input.answers[item.id];
    const value = h(condition.value);
    if (condition.measure === 'points') return compare(BigInt(itemPoints[item.id] as number), condition.op, value);
    if (condition.measure === 'rate' && item.kind === 'survey') {
      const { respondents, safe } = answer as { respondents: number; safe: number };
      return compare(BigInt(safe) * 10_000n, condition.op, value * BigInt(respondents));
    }
    return compare(h(answer as number), condition.op, value);
  };
  let byConditions = 0;
  for (const level of pack.stars) {
    if (total >= h(level.min) && level.conditions.every(conditionHolds)) byConditions = Math.max(byConditions, level.stars);
  }

  let scoreStars = byConditions;
  for (const item of items) {
    if (item.kind !== 'gate' || !applies(item, input.unit) || !answered(item)) continue;
    if (h(input.answers[item.id] as number) < h(item.required)) scoreStars = Math.min(scoreStars, item.capStars);
  }
  const gateLowered = scoreStars < byConditions;

  const stepped = Math.min(scoreStars, input.previousStars + pack.decision.maxStepUp);
  const stepLowered = stepped < scoreStars;

  const lockedOut = input.lastVetoOn !== null && input.assessedOn < addMonths(input.lastVetoOn, pack.decision.vetoLockoutMonths);
  const vetoed = items.some((item) => item.kind === 'veto' && applies(item, input.unit) && input.answers[item.id] === true);

  const decidedBy = vetoed ? 'veto' : lockedOut ? 'lockout' : stepLowered ? 'stepUp' : gateLowered ? 'gate' : byConditions < thresholdStars ? 'condition' : 'threshold';
  return {
    refused: false,
    complete: missing.length === 0 && lowSamples.length === 0,
    missing,
    lowSamples,
    itemPoints,
    categories,
    addOnDeduction: Number(addOnTaken) / 100,
    total: Number(total) / 100,
    vetoed,
    lockedOut,
    scoreStars,
    awardedStars: vetoed || lockedOut ? 0 : stepped,
    decidedBy,
  };
}
