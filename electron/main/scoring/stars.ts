/**
 * The star decision, in DOMAIN.md's order: veto (this assessment, or a recent one: lockout),
 * threshold and its extra conditions, gates, then 逐级 (at most maxStepUp above the previous
 * stars; a lower score demotes at once). `decidedBy` names the last rule that lowered the stars,
 * where veto and lockout end the decision outright; `threshold` when none lowered them.
 */
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
  total: number;
  evaluated: Map<string, Evaluated>;
  applicableIds: Set<string>;
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
  trace: TraceEntry[];
}

const starWord = (stars: number) => (stars === 0 ? '无星' : `${stars}星`);
const starWordEn = (stars: number) => (stars === 0 ? 'no stars' : `${stars} star${stars === 1 ? '' : 's'}`);

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
  if (!input.applicableIds.has(item.id)) return 'waived';
  const evaluated = input.evaluated.get(item.id);
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

export function decideStars(plan: Plan, input: DecisionInput): Decision {
  const trace: TraceEntry[] = [];
  const total = input.total / 100;

  let thresholdStars = 0;
  let scoreByConditions = 0;
  for (const level of plan.levels) {
    if (input.total < level.min) continue;
    thresholdStars = level.stars;
    const failed: string[] = [];
    const failedEn: string[] = [];
    for (const condition of level.conditions) {
      const holds = conditionHolds(condition, input);
      if (holds === true || holds === 'waived') continue;
      failed.push(holds === 'unanswered' ? `${condition.textZh}（未作答）` : condition.textZh);
      failedEn.push(holds === 'unanswered' ? `${condition.textEn} (not answered)` : condition.textEn);
    }
    if (failed.length === 0) scoreByConditions = level.stars;
    else {
      trace.push(
        traceEntry('stars', 'STARS', 0, 'condition', `总分${total}达到${level.label.zh}线${level.min / 100}，但附加条件不满足：${failed.join('；')}`, `total ${total} reaches ${level.min / 100} for ${starWordEn(level.stars)}, but a condition fails: ${failedEn.join('; ')}`),
      );
    }
  }
  const levelText = thresholdStars === 0 ? `总分${total}未达到最低星级线${(plan.levels[0]?.min ?? 0) / 100}` : `总分${total}达到${starWord(thresholdStars)}线`;
  const levelTextEn = thresholdStars === 0 ? `total ${total} is below the lowest threshold ${(plan.levels[0]?.min ?? 0) / 100}` : `total ${total} reaches the ${starWordEn(thresholdStars)} threshold`;
  trace.unshift(traceEntry('stars', 'STARS', 0, 'threshold', levelText, levelTextEn));

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
  return { scoreStars, awardedStars, decidedBy, lockedOut, trace };
}
