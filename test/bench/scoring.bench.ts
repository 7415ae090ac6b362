// The star engine's throughput: 100,000 generated assessments scored with full traces, against a
// plain loop that only sums the same answers (the floor any scorer pays to read them).
import { afterAll, expect, it } from 'vitest';
import { scoreAssessment } from '../../electron/main/scoring/index';
import { record, timeIt, writeFigures } from './harness';
import { benchAssessedOn, benchHistory, benchUnit, generateAnswers, loadShippedStarPack } from './scoring-inputs';

afterAll(() => writeFigures('scoring'));

it('scores 100,000 assessments', async () => {
  const loaded = loadShippedStarPack();
  const count = 100_000;
  const assessments = generateAnswers(count);
  let stars = 0;
  let entries = 0;
  const seconds = await timeIt(() => {
    for (const answers of assessments) {
      const result = scoreAssessment(loaded, { unit: benchUnit, answers, history: benchHistory, assessedOn: benchAssessedOn });
      stars += result.awardedStars;
      entries += result.trace.length;
    }
  }, 3);
  let sum = 0;
  const baselineSeconds = await timeIt(() => {
    // A local accumulator: a captured one would box every float sum (a heap number per answer),
    // which slows the baseline by a GC-dependent amount and flatters the ratio.
    let local = 0;
    for (const answers of assessments) {
      for (const key in answers) {
        const value = answers[key];
        if (typeof value === 'number') local += value;
        else if (value === true) local += 1;
        else if (typeof value === 'object' && value !== null) local += (value as { safe: number }).safe;
      }
    }
    sum += local;
  }, 3);
  const rate = count / seconds;
  record({
    name: 'scoring.scoreAssessment',
    size: '100,000 assessments (wuhan-star@2026.1, delivery, full trace)',
    seconds,
    baselineSeconds,
    baseline: 'plain loop summing the same answers',
    rate: { value: rate, unit: 'assessments/s' },
    goal: { text: '≥ 200,000 assessments/s', met: rate >= 200_000 },
  });
  expect(stars + sum).toBeGreaterThan(0);
  // Every result carried its full trace: 39 item entries and at least the threshold decision.
  expect(entries).toBeGreaterThanOrEqual(count * 40 * 4);
});
