/**
 * The points one answered item gives or takes, in integer hundredths rounded half up at the
 * item (docs/domain.md, item kinds), with the sentence that explains them in both languages.
 */
import { divideRoundHalfUp, fromHundredths, toHundredths } from '@shared/rubric/decimal';
import { formatHundredths as p } from '@shared/rubric/format-hundredths';
import { answerProblem } from './answers';
import type { SurveyAnswer } from './answers';
import type { TraceEntry } from '@shared/scoring/result';
import type { ItemPlan } from './plan';
import { itemTraceEntry } from './trace';

export interface ItemOutcome {
  /** Hundredths of a point; negative for deductions. */
  points: number;
  whyZh: string;
  whyEn: string;
}

/** "1 point", "0.5 points", "2 points": English counts a single one alone (hundredths in, as p takes them). */
function pointsEn(hundredths: number): string {
  return `${p(hundredths)} ${hundredths === 100 ? 'point' : 'points'}`;
}

function percentagePointsEn(hundredths: number): string {
  return `${p(hundredths)} ${hundredths === 100 ? 'percentage point' : 'percentage points'}`;
}

/** points − perPoint × (full − rate), floored at 0, for a rate of num/den hundredths of a percent. */
function ratePoints(plan: ItemPlan, rateNum: number, rateDen: number): number {
  if (rateNum >= plan.full * rateDen) return plan.points;
  // Exact in integers: (100·points·den − perPoint·(full·den − rateNum)) / (100·den).
  const num = 100 * plan.points * rateDen - plan.perPoint * (plan.full * rateDen - rateNum);
  return num <= 0 ? 0 : divideRoundHalfUp(num, 100 * rateDen);
}

export function surveyRateHundredths(answer: SurveyAnswer): number {
  return divideRoundHalfUp(answer.safe * 10_000, answer.respondents);
}

/** The outcome of a valid answer (checked by answerProblem first). */
function computeOutcome(plan: ItemPlan, answer: unknown): ItemOutcome {
  switch (plan.kind) {
    case 'check':
      return answer === true
        ? { points: plan.points, whyZh: `已落实，得${p(plan.points)}分`, whyEn: `done: ${pointsEn(plan.points)}` }
        : { points: 0, whyZh: '未落实，得0分', whyEn: 'not done: 0 points' };
    case 'scale': {
      const points = toHundredths(answer as number);
      return { points, whyZh: `评${p(points)}分（满分${p(plan.points)}）`, whyEn: `rated ${p(points)} of ${p(plan.points)}` };
    }
    case 'deduct': {
      const count = answer as number;
      const raw = plan.per * count;
      const capped = raw > plan.cap;
      const taken = capped ? plan.cap : raw;
      return {
        // Taken off zero: 0 − 0 is 0, where −0 would print as "-0" and make every kept outcome's points a float.
        points: 0 - taken,
        // 2处×1分 for hazards, 2件 for petitions, 2起 for cases: the pack's own measure word.
        whyZh: `${count}${plan.countWord}×${p(plan.per)}分，扣${p(taken)}分${capped ? `，已达上限${p(plan.cap)}分` : ''}`,
        whyEn: `${count} × ${p(plan.per)} = ${p(taken)} off${capped ? `, capped at ${p(plan.cap)}` : ''}`,
      };
    }
    case 'rate': {
      const rate = toHundredths(answer as number);
      const points = ratePoints(plan, rate, 1);
      return rate >= plan.full
        ? { points, whyZh: `${p(rate)}%达到${p(plan.full)}%，得满分${p(points)}分`, whyEn: `${p(rate)}% reaches ${p(plan.full)}%: full ${pointsEn(points)}` }
        : {
            points,
            whyZh: `${p(rate)}%低于${p(plan.full)}%共${p(plan.full - rate)}个百分点，得${p(points)}分`,
            whyEn: `${p(rate)}% is ${percentagePointsEn(plan.full - rate)} below ${p(plan.full)}%: ${pointsEn(points)}`,
          };
    }
    case 'survey': {
      const survey = answer as SurveyAnswer;
      const points = ratePoints(plan, survey.safe * 10_000, survey.respondents);
      const shown = p(surveyRateHundredths(survey));
      return {
        points,
        whyZh: `${survey.respondents}人中${survey.safe}人感到安全（${shown}%），标准${p(plan.full)}%，得${p(points)}分`,
        whyEn: `${survey.safe} of ${survey.respondents} feel safe (${shown}%), full at ${p(plan.full)}%: ${pointsEn(points)}`,
      };
    }
    case 'gate': {
      const rate = toHundredths(answer as number);
      return rate >= plan.required
        ? { points: 0, whyZh: `${p(rate)}%达到要求${p(plan.required)}%`, whyEn: `${p(rate)}% meets the required ${p(plan.required)}%` }
        : {
            points: 0,
            whyZh: `${p(rate)}%未达到要求${p(plan.required)}%，最高${plan.capStars}星`,
            whyEn: `${p(rate)}% is below the required ${p(plan.required)}%: at most ${plan.capStars} stars`,
          };
    }
    case 'veto':
      return answer === true
        ? { points: 0, whyZh: '发生，一票否决', whyEn: 'occurred: the assessment is vetoed' }
        : { points: 0, whyZh: '未发生', whyEn: 'did not occur' };
  }
}

/** An answer's points and its finished trace entry (frozen when kept: results share it). */
export interface ScoredAnswer {
  /** The answer as given (−0 as 0). */
  answer: unknown;
  /** Hundredths of a point; negative for deductions. */
  points: number;
  entry: TraceEntry;
}

/** Numeric answers an item keeps the scoring of, at most: enough for every half point, small count and most percents a season brings. */
const keptNumbersPerItem = 1000;

function keptScoring(plan: ItemPlan, answer: unknown): ScoredAnswer | undefined {
  if (typeof answer === 'boolean') return answer ? plan.keptYes : plan.keptNo;
  if (typeof answer === 'number') return plan.keptNumbers.get(answer);
  return undefined;
}

function keep(plan: ItemPlan, answer: unknown, scored: ScoredAnswer): void {
  if (answer === true) plan.keptYes = scored;
  else if (answer === false) plan.keptNo = scored;
  else if (typeof answer === 'number' && plan.keptNumbers.size < keptNumbersPerItem) plan.keptNumbers.set(answer, scored);
  else return;
  Object.freeze(scored.entry);
}

/**
 * The points and trace entry of an answer, or what is wrong with it (answers.ts). Both depend on
 * the answer alone, and answers repeat across assessments (yes/no, half points, small counts,
 * percents with two places): each item keeps what it made of the valid yes, no and numbers it
 * has scored, so 100,000 assessments check and word each such answer once. A survey's answer is
 * an object and is scored each time.
 */
export function scoreAnswer(plan: ItemPlan, answer: unknown): ScoredAnswer | string {
  const kept = keptScoring(plan, answer);
  if (kept !== undefined) return kept;
  const problem = answerProblem(plan, answer);
  if (problem !== null) return problem;
  const { points, whyZh, whyEn } = computeOutcome(plan, answer);
  const scored: ScoredAnswer = { answer, points, entry: itemTraceEntry(plan.id, fromHundredths(points), plan.rule, whyZh, whyEn, plan.kind, plan.categoryId, answer) };
  keep(plan, answer, scored);
  return scored;
}
