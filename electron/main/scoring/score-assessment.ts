/**
 * The star engine: a pure, deterministic function from (pack, unit, answers, history, date)
 * to the result of `dingxing score --json` (docs/scoring.md). Points are integer hundredths
 * rounded half up at each item, so every total is the exact sum of its trace. Invalid answers
 * are refused (BAD_INPUT naming each item); missing answers and too-small survey samples are
 * refused too unless `draft`. Nothing is kept between calls but the pack's compiled plan and
 * the outcomes its items gave (item-points.ts), which depend on the answer alone.
 */
import { DxError } from '@shared/api/errors';
import { fromHundredths, toHundredths } from '@shared/rubric/decimal';
import type { ErrorIssue } from '@shared/api/errors';
import type { ScoreResult, TraceEntry } from '@shared/scoring/result';
import type { SurveyItem } from '@shared/rubric/star-pack';
import type { UnitKind } from '@shared/rubric/unit-kind';
import type { LoadedStarPack } from '../rubric/loaded-pack';
import type { SurveyAnswer } from './answers';
import { engineVersion } from './engine-version';
import { scoreAnswer } from './item-points';
import type { ScoredAnswer } from './item-points';
import { planFor } from './plan';
import type { ItemPlan, Plan, UnitItems } from './plan';
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

/**
 * Steps 1 and 2: each answer checked and scored, in its item's place among the unit's items. An answer to an unknown
 * item, to one the unit is not assessed on, or of the wrong type or range refuses the whole
 * assessment, naming every such answer.
 */
function scoreAnswers(plan: Plan, unitItems: UnitItems, ref: string, input: ScoringInput): (ScoredAnswer | undefined)[] {
  const scored = new Array<ScoredAnswer | undefined>(unitItems.items.length);
  // The answers as JSON carries them: an object's own enumerable keys, which for…in lists for a
  // plain object (and reads fastest); any other object is copied into one first.
  const prototype = Object.getPrototypeOf(input.answers) as unknown;
  const given = prototype === Object.prototype || prototype === null ? input.answers : { ...input.answers };
  let issues: ErrorIssue[] | undefined;
  for (const id in given) {
    const position = unitItems.positionOf.get(id);
    const answer = given[id];
    if (position === undefined) {
      const industry = input.unit.industry === null ? 'no industry' : `industry ${input.unit.industry}`;
      const message = plan.byId.has(id) ? `${id} does not apply to this unit (kind ${input.unit.kind}, ${industry})` : `${id} is not an item of ${ref}`;
      (issues ??= []).push({ path: ['answers', id], message });
      continue;
    }
    const result = scoreAnswer(unitItems.items[position] as ItemPlan, answer);
    if (typeof result === 'string') (issues ??= []).push({ path: ['answers', id], message: `${id}: ${result}` });
    else scored[position] = result;
  }
  if (issues !== undefined) {
    throw new DxError('BAD_INPUT', `${issues.length} answer${issues.length === 1 ? ' is' : 's are'} not valid for ${ref}: ${issues.map((issue) => issue.path[1]).join(', ')}`, { issues });
  }
  return scored;
}

export function scoreAssessment(loaded: LoadedStarPack, input: ScoringInput, options: ScoringOptions = {}): ScoreResult {
  const draft = options.draft === true;
  const plan = planFor(loaded);
  const unitItems = plan.itemsFor(input.unit);
  const scored = scoreAnswers(plan, unitItems, loaded.ref, input);

  // Each item's trace entry, in pack order; what the later steps read is gathered on the way.
  const trace: TraceEntry[] = [];
  const missing: string[] = [];
  const incompleteReasons: { item: string; message: string }[] = [];
  const categorySums = plan.categories.map(() => 0);
  // What the add-ons take together (their points are 0 or less), before the cap.
  let addOnDeduction = 0;
  const evaluated = new Array<Evaluated | undefined>(plan.conditionItems.length);
  const vetoItems: ItemPlan[] = [];
  const failedGates: ItemPlan[] = [];
  for (let position = 0; position < unitItems.items.length; position += 1) {
    const item = unitItems.items[position] as ItemPlan;
    const answered = scored[position];
    if (answered === undefined) {
      missing.push(item.id);
      trace.push(item.missingEntry);
      continue;
    }
    const { answer, points, entry } = answered;
    trace.push(entry);
    if (item.categoryIndex >= 0) categorySums[item.categoryIndex] = (categorySums[item.categoryIndex] as number) + points;
    else addOnDeduction -= points;
    if (item.conditionIndex >= 0) evaluated[item.conditionIndex] = answered;
    if (item.kind === 'veto' && answer === true) vetoItems.push(item);
    if (item.kind === 'gate' && toHundredths(answer as number) < item.required) failedGates.push(item);
    if (item.kind === 'survey') {
      // Step 3 (in part): a survey sample smaller than the unit needs leaves the assessment incomplete.
      const respondents = (answer as SurveyAnswer).respondents;
      const minimum = minimumSurveySample(item.item as SurveyItem, input.unit.households);
      if (respondents < minimum) {
        const households = input.unit.households === null ? 'households unknown' : `${input.unit.households} households`;
        incompleteReasons.push({ item: item.id, message: `${item.id}: sample of ${respondents} is below the minimum ${minimum} (${households})` });
      }
    }
  }

  // Step 3: missing answers and too-small samples are refused, unless this is a draft.
  if (!draft && (missing.length > 0 || incompleteReasons.length > 0)) {
    const issues: ErrorIssue[] = [
      ...missing.map((id) => ({ path: ['answers', id], message: `${id} applies to this unit and has no answer` })),
      ...incompleteReasons.map((reason) => ({ path: ['answers', reason.item], message: reason.message })),
    ];
    const what = missing.length > 0 ? `missing answers: ${missing.join(', ')}` : incompleteReasons.map((reason) => reason.message).join('; ');
    throw new DxError('BAD_INPUT', `The assessment is incomplete (${what}); score it with --draft to see a partial result`, { issues });
  }

  // Step 4: each category's sum, floored at 0 and capped at its maximum.
  const categories: Record<string, number> = {};
  let total = 0;
  for (let index = 0; index < plan.categories.length; index += 1) {
    const category = plan.categories[index] as Plan['categories'][number];
    const sum = categorySums[index] as number;
    let score = sum;
    if (sum < 0) {
      score = 0;
      trace.push(traceEntry('category', category.id, fromHundredths(-sum), 'floor 0', `${category.label.zh}扣分超过得分，按0分计`, `${category.label.en} deductions exceed its points: floored at 0`));
    } else if (sum > category.max) {
      score = category.max;
      trace.push(traceEntry('category', category.id, fromHundredths(category.max - sum), `max ${category.max / 100}`, `${category.label.zh}不超过满分${category.max / 100}`, `${category.label.en} is capped at its maximum ${category.max / 100}`));
    }
    categories[category.id] = fromHundredths(score);
    total += score;
  }

  // Step 5: the add-on deductions together, capped, off the total; the total kept within 0–100.
  if (addOnDeduction > plan.addOnCap) {
    trace.push(traceEntry('addOnCap', 'ADD-ON', fromHundredths(addOnDeduction - plan.addOnCap), `cap ${plan.addOnCap / 100}`, `行业附加扣分合计${addOnDeduction / 100}分，最多扣${plan.addOnCap / 100}分`, `industry add-on deductions of ${addOnDeduction / 100} are capped at ${plan.addOnCap / 100}`));
    addOnDeduction = plan.addOnCap;
  }
  total -= addOnDeduction;
  if (total < 0) {
    trace.push(traceEntry('total', 'TOTAL', fromHundredths(-total), 'floor 0', '总分不低于0分', 'the total is floored at 0'));
    total = 0;
  } else if (total > 10_000) {
    trace.push(traceEntry('total', 'TOTAL', fromHundredths(10_000 - total), 'max 100', '总分不超过100分', 'the total is capped at 100'));
    total = 10_000;
  }

  // Step 6: the stars (stars.ts).
  const decision = decideStars(
    plan,
    {
      total,
      evaluated,
      conditionApplies: unitItems.conditionApplies,
      vetoItems,
      failedGates,
      previousStars: input.history.previousStars,
      lastVetoOn: input.history.lastVetoOn,
      assessedOn: input.assessedOn,
    },
    trace,
  );

  return {
    rubric: loaded.ref,
    rubricSha256: loaded.sha256,
    engine: engineVersion,
    complete: missing.length === 0 && incompleteReasons.length === 0,
    missing,
    incompleteReasons,
    total: fromHundredths(total),
    categories,
    addOnDeduction: fromHundredths(addOnDeduction),
    vetoed: vetoItems.length > 0,
    lockedOut: decision.lockedOut,
    scoreStars: decision.scoreStars,
    awardedStars: decision.awardedStars,
    decidedBy: decision.decidedBy,
    trace,
  };
}
