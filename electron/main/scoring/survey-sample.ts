/**
 * The smallest survey sample a unit needs: max(minSample, ceil(minShare × households)), in
 * integers so that 0.05 × 300 is 15, not 15.000000000000002 → 16. Without a household count
 * only minSample applies.
 */
import { toScaled } from '@shared/rubric/decimal';

export function minimumSurveySample(item: { minSample: number; minShare: number }, households: number | null): number {
  if (households === null) return item.minSample;
  const share = toScaled(item.minShare, 4);
  const byShare = Math.floor((share * households + 9_999) / 10_000);
  return Math.max(item.minSample, byShare);
}
