/**
 * The trace entry of one answer to one item, looked up instead of rebuilt: an item's entry
 * depends only on its answer, and answers repeat (yes/no, half-point steps, small counts,
 * percents with two places), so memo.ts keeps a table per item of finished entries indexed by
 * the answer in integer form. Entries are frozen because results share them. A survey answer
 * (an object of the caller's) gets a new entry each time. Returns null when the answer is invalid.
 */
import type { TraceEntry } from '@shared/scoring/result';
import { answerProblem, maxRespondents } from './answers';
import type { SurveyAnswer } from './answers';
import { computeOutcome } from './item-points';
import type { ItemOutcome } from './item-points';
import type { ItemPlan } from './plan';
import { itemTraceEntry } from './trace';

export interface ItemCell {
  /** Hundredths of a point; negative for deductions. */
  points: number;
  /** The answer the entry is for (entry.answer, kept here where the lookup reads it). */
  answer: unknown;
  entry: TraceEntry;
}

/** Counts of a deduct item kept in its table; larger counts are computed each time. */
const deductTableSize = 256;

export function cellSize(plan: ItemPlan): number {
  switch (plan.kind) {
    case 'check':
    case 'veto':
      return 2;
    case 'scale':
      return Math.floor(plan.points / plan.step) + 1;
    case 'deduct':
      return deductTableSize;
    case 'rate':
    case 'gate':
      return 10_001;
    case 'survey':
      return 0;
  }
}

// Survey sentences by (respondents, safe): the answer object is the caller's, so its entry is
// built each time, but the sentences (five numbers printed twice) are looked up. Bounded.
const surveyOutcomes = new WeakMap<ItemPlan, Map<number, ItemOutcome>>();
const surveyOutcomeLimit = 65_536;

function surveyOutcome(plan: ItemPlan, answer: SurveyAnswer): ItemOutcome {
  let known = surveyOutcomes.get(plan);
  if (known === undefined) {
    known = new Map();
    surveyOutcomes.set(plan, known);
  }
  const key = answer.respondents * (maxRespondents + 1) + answer.safe;
  let outcome = known.get(key);
  if (outcome === undefined) {
    outcome = computeOutcome(plan, answer);
    if (known.size < surveyOutcomeLimit) known.set(key, outcome);
  }
  return outcome;
}

function makeCell(plan: ItemPlan, answer: unknown): ItemCell {
  const outcome = plan.kind === 'survey' ? surveyOutcome(plan, answer as SurveyAnswer) : computeOutcome(plan, answer);
  const entry = itemTraceEntry(plan.id, outcome.points / 100, plan.rule, outcome.whyZh, outcome.whyEn, plan.kind, plan.categoryId, answer);
  return { points: outcome.points, answer, entry };
}

/** Where a valid answer sits in the item's table, or -1 (not a table answer: compute it). */
function indexOf(plan: ItemPlan, answer: unknown): number {
  switch (plan.kind) {
    case 'check':
    case 'veto':
      return answer === true ? 1 : answer === false ? 0 : -1;
    case 'scale':
      return typeof answer === 'number' ? Math.round(answer * 100) / plan.step : -1;
    case 'deduct':
      return typeof answer === 'number' ? answer : -1;
    case 'rate':
    case 'gate':
      return typeof answer === 'number' ? Math.round(answer * 100) : -1;
    case 'survey':
      return -1;
  }
}

/** The cell of a valid answer, looked up in `table` (the item's, from memo.ts) or made and kept there. */
export function itemCell(plan: ItemPlan, answer: unknown, table: (ItemCell | undefined)[]): ItemCell | null {
  const index = indexOf(plan, answer);
  const tabled = index >= 0 && index < table.length && (index | 0) === index;
  if (tabled) {
    const cell = table[index];
    // The same answer (not just the same hundredths; -0 is kept apart from 0) gets the same entry.
    if (cell !== undefined && cell.answer === answer && (answer !== 0 || 1 / answer > 0)) return cell;
  }
  if (answerProblem(plan, answer) !== null) return null;
  const cell = makeCell(plan, answer);
  if (tabled && table[index] === undefined && (answer !== 0 || 1 / (answer as number) > 0)) {
    Object.freeze(cell.entry);
    table[index] = cell;
  }
  return cell;
}
