/**
 * The star decision, in the order of docs/domain.md: veto (this assessment, or a recent one: lockout),
 * threshold and its extra conditions, gates, then 逐级 (at most maxStepUp above the previous
 * stars; a lower score demotes at once). `decidedBy` names the last rule that lowered the stars,
 * where veto and lockout end the decision outright; `threshold` when none lowered them.
 * The decision's trace entries are appended to the caller's trace.
 */
import { formatHundredths } from '@shared/rubric/format-hundredths';
import type { DecidedBy, TraceEntry } from '@shared/scoring/result';
import { lockoutEndsOn } from './calendar';
import type { ConditionPlan, ItemPlan, Plan } from './plan';
import { traceEntry } from './trace';

/** What conditions may ask of an item: its answer and points, when it was answered. */
export interface Evaluated {
  answer: unknown;
  /** Hundredths. */
  points: number;
}

export interface DecisionInput {
  /** Hundredths, 0..10000. */
  total: number;
  /** By Plan.conditionItems index: the item's answer and points; undefined when not answered. */
  evaluated: (Evaluated | undefined)[];
  /** By Plan.conditionItems index: whether the item applies to the unit (else its conditions are waived). */
  conditionApplies: boolean[];
  vetoItems: ItemPlan[];
  failedGates: ItemPlan[];
  previousStars: number;
  lastVetoOn: string | null;
  assessedOn: string;
}

export interface Decision {
  scoreStars: number;
  awardedStars: number;
  decidedBy: DecidedBy;
  lockedOut: boolean;
}

const starWords = ['无星', '1星', '2星', '3星', '4星', '5星'];
const starWordsEn = ['no stars', '1 star', '2 stars', '3 stars', '4 stars', '5 stars'];
const starWord = (stars: number) => starWords[stars] ?? `${stars}星`;
const starWordEn = (stars: number) => starWordsEn[stars] ?? `${stars} stars`;

function compare(left: number, op: ConditionPlan['condition']['op'], right: number): boolean {
  switch (op) {
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '<':
      return left < right;
    case '==':
      return left === right;
  }
}

/** Holds, fails, or does not apply (the item is not assessed for this unit: the condition is waived). */
function conditionHolds(condition: ConditionPlan, input: DecisionInput): boolean | 'waived' | 'unanswered' {
  const { item } = condition;
  if (input.conditionApplies[item.conditionIndex] !== true) return 'waived';
  const evaluated = input.evaluated[item.conditionIndex];
  if (evaluated === undefined) return 'unanswered';
  const { op } = condition.condition;
  switch (condition.condition.measure) {
    case 'points':
      return compare(evaluated.points, op, condition.value);
    case 'answer':
      return compare(Math.round((evaluated.answer as number) * 100), op, condition.value);
    case 'rate': {
      if (item.kind === 'survey') {
        // safe/respondents × 100 against the value, cross-multiplied so it stays exact.
        const survey = evaluated.answer as { respondents: number; safe: number };
        return compare(survey.safe * 10_000, op, condition.value * survey.respondents);
      }
      return compare(Math.round((evaluated.answer as number) * 100), op, condition.value);
    }
  }
}

/** The first decision entry: which threshold the total reaches. */
function thresholdEntry(plan: Plan, total: number, thresholdStars: number): TraceEntry {
  const shown = formatHundredths(total);
  const lowest = formatHundredths(plan.levels[0]?.min ?? 0);
  return thresholdStars === 0
    ? traceEntry('stars', 'STARS', 0, 'threshold', `总分${shown}未达到最低星级线${lowest}`, `total ${shown} is below the lowest threshold ${lowest}`)
    : traceEntry('stars', 'STARS', 0, 'threshold', `总分${shown}达到${starWord(thresholdStars)}线`, `total ${shown} reaches the ${starWordEn(thresholdStars)} threshold`);
}

export function decideStars(plan: Plan, input: DecisionInput, trace: TraceEntry[]): Decision {
  let thresholdStars = 0;
  for (const level of plan.levels) if (input.total >= level.min) thresholdStars = level.stars;
  trace.push(thresholdEntry(plan, input.total, thresholdStars));

  let scoreByConditions = 0;
  for (const level of plan.levels) {
    if (input.total < level.min) continue;
    let failed: string[] | null = null;
    let failedEn: string[] | null = null;
    for (const condition of level.conditions) {
      const holds = conditionHolds(condition, input);
      if (holds === true || holds === 'waived') continue;
      (failed ??= []).push(holds === 'unanswered' ? `${condition.textZh}（未作答）` : condition.textZh);
      (failedEn ??= []).push(holds === 'unanswered' ? `${condition.textEn} (not answered)` : condition.textEn);
    }
    if (failed === null || failedEn === null) scoreByConditions = level.stars;
    else {
      const total = formatHundredths(input.total);
      const min = formatHundredths(level.min);
      trace.push(
        traceEntry('stars', 'STARS', 0, 'condition', `总分${total}达到${level.label.zh}线${min}，但附加条件不满足：${failed.join('；')}`, `total ${total} reaches ${min} for ${starWordEn(level.stars)}, but a condition fails: ${failedEn.join('; ')}`),
      );
    }
  }

  let scoreStars = scoreByConditions;
  let gateLowered = false;
  for (const gate of input.failedGates) {
    const lowered = gate.capStars < scoreStars;
    trace.push(
      traceEntry('stars', gate.id, 0, 'gate', `${gate.id}未达标，星级最高${starWord(gate.capStars)}${lowered ? '' : '（未影响结果）'}`, `${gate.id} is below its requirement: at most ${starWordEn(gate.capStars)}${lowered ? '' : ' (no effect)'}`),
    );
    if (lowered) {
      scoreStars = gate.capStars;
      gateLowered = true;
    }
  }

  const ceiling = input.previousStars + plan.maxStepUp;
  let awardedStars = Math.min(scoreStars, ceiling);
  const stepLowered = awardedStars < scoreStars;
  if (stepLowered) {
    trace.push(
      traceEntry('stars', 'STARS', 0, 'stepUp', `逐级晋升：上期${starWord(input.previousStars)}，本期最多升${plan.maxStepUp}星，评${starWord(awardedStars)}`, `one step at a time: previously ${starWordEn(input.previousStars)}, at most ${plan.maxStepUp} up: ${starWordEn(awardedStars)}`),
    );
  } else if (scoreStars < input.previousStars) {
    trace.push(traceEntry('stars', 'STARS', 0, 'demotion', `分数低于上期${starWord(input.previousStars)}，即时降为${starWord(scoreStars)}`, `below the previous ${starWordEn(input.previousStars)}: demoted at once to ${starWordEn(scoreStars)}`));
  }

  const lockoutEnd = input.lastVetoOn === null ? null : lockoutEndsOn(input.lastVetoOn, plan.vetoLockoutMonths);
  const lockedOut = lockoutEnd !== null && input.assessedOn < lockoutEnd;
  if (lockoutEnd !== null) {
    trace.push(
      lockedOut
        ? traceEntry('stars', 'STARS', 0, 'lockout', `${input.lastVetoOn}曾被一票否决，${plan.vetoLockoutMonths}个月内（至${lockoutEnd}前）不得评星`, `vetoed on ${input.lastVetoOn}: no stars for ${plan.vetoLockoutMonths} months, until ${lockoutEnd}`)
        : traceEntry('stars', 'STARS', 0, 'lockout', `${input.lastVetoOn}的否决已满${plan.vetoLockoutMonths}个月（${lockoutEnd}起解除）`, `the veto of ${input.lastVetoOn} ended after ${plan.vetoLockoutMonths} months on ${lockoutEnd}`),
    );
  }
  const vetoed = input.vetoItems.length > 0;
  if (vetoed) {
    const ids = input.vetoItems.map((item) => item.id).join(', ');
    trace.push(traceEntry('stars', 'STARS', 0, 'veto', `一票否决（${ids}）：不评星，已有证书撤销`, `vetoed by ${ids}: no stars, existing certificates revoked`));
  }

  let decidedBy: DecidedBy = 'threshold';
  if (vetoed) decidedBy = 'veto';
  else if (lockedOut) decidedBy = 'lockout';
  else if (stepLowered) decidedBy = 'stepUp';
  else if (gateLowered) decidedBy = 'gate';
  else if (scoreByConditions < thresholdStars) decidedBy = 'condition';
  if (vetoed || lockedOut) awardedStars = 0;
  return { scoreStars, awardedStars, decidedBy, lockedOut };
}
