/**
 * The star engine: a pure, deterministic function from (pack, unit, answers, history, date)
 * to the result documented in docs/scoring.md. Points are integer hundredths rounded half up at each item,
 * so every total is the exact sum of its trace. Invalid answers are refused (BAD_INPUT naming
 * each item); missing answers and too-small survey samples are refused too unless `draft`.
 * Its only state is memo.ts's lookup tables, which save rebuilding a value and never change one.
 */
import { DxError } from '@shared/api/errors';
import type { ErrorIssue } from '@shared/api/errors';
import type { ScoreResult, TraceEntry } from '@shared/scoring/result';
import type { SurveyItem } from '@shared/rubric/star-pack';
import type { UnitKind } from '@shared/rubric/unit-kind';
import type { LoadedStarPack } from '../rubric/loaded-pack';
import { answerProblem } from './answers';
import type { SurveyAnswer } from './answers';
import { engineVersion } from './engine-version';
import { itemCell } from './item-cells';
import type { ItemCell } from './item-cells';
import { expectedKeyOrder, memoFor, rememberKeyOrder } from './memo';
import { planFor } from './plan';
import type { ItemPlan, Plan } from './plan';
import { profileFor } from './profile';
import { decideStars } from './stars';
import type { Evaluated } from './stars';
import { minimumSurveySample } from './survey-sample';
import { traceEntry } from './trace';

export interface ScoringUnit {
  kind: UnitKind;
  industry: string | null;
  households: number | null;
}

export interface ScoringHistory {
  /** Stars before this assessment; 0 for a first one. */
  previousStars: number;
  lastVetoOn: string | null;
}

export interface ScoringInput {
  unit: ScoringUnit;
  answers: Record<string, unknown>;
  history: ScoringHistory;
  /** YYYY-MM-DD */
  assessedOn: string;
}

export interface ScoringOptions {
  /** Score what is there and say `complete: false`, instead of refusing missing answers. */
  draft?: boolean;
}

const byPackOrder = (items: ItemPlan[]) => [...items].sort((a, b) => a.order - b.order);

function checkAnswers(plan: Plan, ref: string, input: ScoringInput): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const applicableIds = plan.applicableIds(input.unit);
  for (const id of Object.keys(input.answers)) {
    const item = plan.byId.get(id);
    if (item === undefined) {
      issues.push({ path: ['answers', id], message: `${id} is not an item of ${ref}` });
    } else if (!applicableIds.has(id)) {
      const industry = input.unit.industry === null ? 'no industry' : `industry ${input.unit.industry}`;
      issues.push({ path: ['answers', id], message: `${id} does not apply to this unit (kind ${input.unit.kind}, ${industry})` });
    } else {
      const problem = answerProblem(item, input.answers[id]);
      if (problem !== null) issues.push({ path: ['answers', id], message: `${id}: ${problem}` });
    }
  }
  return issues;
}

export function scoreAssessment(loaded: LoadedStarPack, input: ScoringInput, options: ScoringOptions = {}): ScoreResult {
  const draft = options.draft === true;
  const plan = planFor(loaded);
  const profile = profileFor(plan, input.unit);
  // Lookup tables of finished values (memo.ts): never change a result, only save rebuilding it.
  const memo = memoFor(plan);
  const cellTables = memo.cells;
  // A plain object's keys (for…in) are its own answers; anything else is read through its own
  // enumerable properties, as JSON would carry it.
  const prototype = Object.getPrototypeOf(input.answers) as unknown;
  const answers = prototype === Object.prototype || prototype === null ? input.answers : { ...input.answers };

  const items = profile.items;
  // Item entries go to their place in pack order; decision entries follow.
  const trace = new Array<TraceEntry>(items.length);
  const missing: string[] = [];
  let incompleteReasons: { item: string; message: string }[] = [];
  const categorySums: number[] = [];
  for (let index = 0; index < plan.categories.length; index += 1) categorySums.push(0);
  const evaluated: (Evaluated | undefined)[] = [];
  for (let index = 0; index < plan.conditionItems.length; index += 1) evaluated.push(undefined);
  let vetoItems: ItemPlan[] = [];
  let failedGates: ItemPlan[] = [];
  let lowSamples: ItemPlan[] = [];
  let addOnRaw = 0;
  let answered = 0;
  let valid = true;
  const keyOrder = expectedKeyOrder(memo, profile);
  let sameOrder = true;

  // One pass over the answers, in their own key order (a plain object's own keys, read fast),
  // validates and scores; a wrong or unknown answer stops it and the refusal names every problem.
  for (const key in answers) {
    let slot = keyOrder[answered];
    if (slot === undefined || slot.item.id !== key) {
      sameOrder = false;
      slot = profile.byId.get(key);
      if (slot === undefined) {
        valid = false;
        break;
      }
    }
    answered += 1;
    const answer = answers[key];
    const item = slot.item;
    const cell = itemCell(item, answer, cellTables[item.order] as (ItemCell | undefined)[]);
    if (cell === null) {
      valid = false;
      break;
    }
    const points = cell.points;
    switch (item.kind) {
      case 'survey': {
        const survey = answer as SurveyAnswer;
        const minimum = minimumSurveySample(item.item as SurveyItem, input.unit.households);
        if (survey.respondents < minimum) {
          const households = input.unit.households === null ? 'households unknown' : `${input.unit.households} households`;
          incompleteReasons.push({ item: item.id, message: `${item.id}: sample of ${survey.respondents} is below the minimum ${minimum} (${households})` });
          lowSamples.push(item);
        }
        break;
      }
      case 'veto':
        if (answer === true) vetoItems.push(item);
        break;
      case 'gate':
        if (Math.round((answer as number) * 100) < item.required) failedGates.push(item);
        break;
      default:
        break;
    }
    if (item.conditionIndex >= 0) evaluated[item.conditionIndex] = { answer, points };
    if (item.categoryIndex >= 0) categorySums[item.categoryIndex] = (categorySums[item.categoryIndex] as number) + points;
    else addOnRaw += points;
    trace[slot.position] = cell.entry;
  }
  if (!valid) {
    const issues = checkAnswers(plan, loaded.ref, { ...input, answers });
    throw new DxError('BAD_INPUT', `${issues.length} answer${issues.length === 1 ? ' is' : 's are'} not valid for ${loaded.ref}: ${issues.map((issue) => issue.path[1]).join(', ')}`, { issues });
  }
  if (!sameOrder) rememberKeyOrder(memo, profile, Object.keys(answers));
  if (answered < items.length) {
    for (let index = 0; index < items.length; index += 1) {
      if (trace[index] !== undefined) continue;
      const item = items[index] as ItemPlan;
      missing.push(item.id);
      trace[index] = item.missingEntry;
    }
  }
  // Lists the decision reads in pack order, whatever order the answers came in.
  if (vetoItems.length > 1) vetoItems = byPackOrder(vetoItems);
  if (failedGates.length > 1) failedGates = byPackOrder(failedGates);
  if (lowSamples.length > 1) {
    const sorted = byPackOrder(lowSamples);
    incompleteReasons = sorted.map((item) => incompleteReasons[lowSamples.indexOf(item)] as { item: string; message: string });
    lowSamples = sorted;
  }

  if (!draft && (missing.length > 0 || incompleteReasons.length > 0)) {
    const issues: ErrorIssue[] = [
      ...missing.map((id) => ({ path: ['answers', id], message: `${id} applies to this unit and has no answer` })),
      ...incompleteReasons.map((reason) => ({ path: ['answers', reason.item], message: reason.message })),
    ];
    const what = missing.length > 0 ? `missing answers: ${missing.join(', ')}` : incompleteReasons.map((reason) => reason.message).join('; ');
    throw new DxError('BAD_INPUT', `The assessment is incomplete (${what}); score it with --draft to see a partial result`, { issues });
  }

  const categories: Record<string, number> = { ...plan.categoriesTemplate };
  let total = 0;
  for (let index = 0; index < plan.categories.length; index += 1) {
    const category = plan.categories[index] as Plan['categories'][number];
    const sum = categorySums[index] as number;
    let score = sum;
    if (sum < 0) {
      score = 0;
      trace.push(traceEntry('category', category.id, -sum / 100, 'floor 0', `${category.label.zh}扣分超过得分，按0分计`, `${category.label.en} deductions exceed its points: floored at 0`));
    } else if (sum > category.max) {
      score = category.max;
      trace.push(traceEntry('category', category.id, (category.max - sum) / 100, `max ${category.max / 100}`, `${category.label.zh}不超过满分${category.max / 100}`, `${category.label.en} is capped at its maximum ${category.max / 100}`));
    }
    categories[category.id] = score / 100;
    total += score;
  }

  let addOnDeduction = addOnRaw === 0 ? 0 : -addOnRaw;
  if (addOnDeduction > plan.addOnCap) {
    trace.push(traceEntry('addOnCap', 'ADD-ON', (addOnDeduction - plan.addOnCap) / 100, `cap ${plan.addOnCap / 100}`, `行业附加扣分合计${addOnDeduction / 100}分，最多扣${plan.addOnCap / 100}分`, `industry add-on deductions of ${addOnDeduction / 100} are capped at ${plan.addOnCap / 100}`));
    addOnDeduction = plan.addOnCap;
  }
  total -= addOnDeduction;
  if (total < 0) {
    trace.push(traceEntry('total', 'TOTAL', -total / 100, 'floor 0', '总分不低于0分', 'the total is floored at 0'));
    total = 0;
  } else if (total > 10_000) {
    trace.push(traceEntry('total', 'TOTAL', (10_000 - total) / 100, 'max 100', '总分不超过100分', 'the total is capped at 100'));
    total = 10_000;
  }

  const decision = decideStars(
    plan,
    {
      total,
      evaluated,
      conditionApplies: profile.conditionApplies,
      vetoItems,
      failedGates,
      previousStars: input.history.previousStars,
      lastVetoOn: input.history.lastVetoOn,
      assessedOn: input.assessedOn,
    },
    trace,
    memo.thresholdEntries,
  );

  return {
    rubric: loaded.ref,
    rubricSha256: loaded.sha256,
    engine: engineVersion,
    complete: missing.length === 0 && incompleteReasons.length === 0,
    missing,
    incompleteReasons,
    total: total / 100,
    categories,
    addOnDeduction: addOnDeduction / 100,
    vetoed: vetoItems.length > 0,
    lockedOut: decision.lockedOut,
    scoreStars: decision.scoreStars,
    awardedStars: decision.awardedStars,
    decidedBy: decision.decidedBy,
    trace,
  };
}
