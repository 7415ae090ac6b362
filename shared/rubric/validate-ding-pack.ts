/** Cross-field rules of a Ding pack: weights that add up to 1, each aspect once, grades in order and increasing. */
import type { ErrorIssue } from '../api/errors';
import { hasAtMostDecimals, toScaled } from './decimal';
import type { DingPack } from './ding-pack';

const gradeOrder = ['bronze', 'silver', 'gold'] as const;

export function validateDingPack(pack: DingPack): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const weights = pack.compositeWeights;
  for (const field of ['ruleOfLaw', 'zongzhi', 'coverage'] as const) {
    if (!hasAtMostDecimals(weights[field], 4)) issues.push({ path: ['compositeWeights', field], message: 'a weight may have at most 4 decimal places' });
  }
  const compositeSum = toScaled(weights.ruleOfLaw, 4) + toScaled(weights.zongzhi, 4) + toScaled(weights.coverage, 4);
  if (compositeSum !== 10_000) issues.push({ path: ['compositeWeights'], message: `composite weights add up to ${compositeSum / 10_000}, not 1` });

  let aspectSum = 0;
  pack.aspects.forEach((aspect, index) => {
    if (pack.aspects.findIndex((other) => other.id === aspect.id) !== index) {
      issues.push({ path: ['aspects', index, 'id'], message: `aspect ${aspect.id} appears more than once` });
    }
    if (!hasAtMostDecimals(aspect.weight, 4)) issues.push({ path: ['aspects', index, 'weight'], message: 'a weight may have at most 4 decimal places' });
    aspectSum += toScaled(aspect.weight, 4);
  });
  if (aspectSum !== 10_000) issues.push({ path: ['aspects'], message: `aspect weights add up to ${aspectSum / 10_000}, not 1` });

  pack.grades.forEach((grade, index) => {
    if (grade.grade !== gradeOrder[index]) issues.push({ path: ['grades', index, 'grade'], message: `grades must be bronze, silver, gold in order; expected ${gradeOrder[index]}` });
    const previous = pack.grades[index - 1];
    if (previous !== undefined && !(grade.min > previous.min)) {
      issues.push({ path: ['grades', index, 'min'], message: `threshold ${grade.min} must be above the previous grade's ${previous.min}` });
    }
  });
  return issues;
}
