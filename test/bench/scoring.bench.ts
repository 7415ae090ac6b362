// The star engine's throughput: 100,000 generated assessments scored with full traces, against a
// plain loop that only sums the same answers (the floor any scorer pays to read them).
import { afterAll, expect, it } from 'vitest';
import starJson from '../../electron/main/rubric/default-packs/wuhan-star-2026.1.json';
import { validatePackJson } from '../../electron/main/rubric/pack-store';
import type { LoadedStarPack } from '../../electron/main/rubric/loaded-pack';
import { scoreAssessment } from '../../electron/main/scoring/index';
import type { StarPack } from '@shared/rubric/star-pack';
import { record, timeIt, writeFigures } from './harness';

afterAll(() => writeFigures('scoring'));

function generate(count: number): Record<string, unknown>[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const list: Record<string, unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    const respondents = 30 + Math.floor(next() * 200);
    list.push({
      'RES-1': next() < 0.9, 'RES-2': next() < 0.9, 'RES-3': Math.floor(next() * 9) / 2, 'RES-4': next() < 0.9,
      'ORG-1': next() < 0.9, 'ORG-2': Math.floor(next() * 7) / 2, 'ORG-3': next() < 0.9,
      'RUL-1': next() < 0.9, 'RUL-2': next() < 0.9, 'RUL-3': next() < 0.9, 'RUL-4': next() < 0.9,
      'PRE-1': Math.floor(next() * 13) / 2, 'PRE-2': Math.floor(next() * 13) / 2, 'PRE-3': Math.floor(next() * 17) / 2, 'PRE-4': next() < 0.9, 'PRE-5': Math.floor(next() * 4),
      'ATR-1': next() < 0.9, 'ATR-2': next() < 0.9, 'ATR-3': next() < 0.9, 'ATR-4': next() < 0.9,
      'STB-1': 90 + Math.floor(next() * 1000) / 100, 'STB-2': next() < 0.9, 'STB-3': next() < 0.9, 'STB-4': Math.floor(next() * 3), 'STB-5': Math.floor(next() * 2), 'STB-6': Math.floor(next() * 3),
      'SAT-1': { respondents, safe: Math.floor(respondents * (0.8 + next() * 0.2)) },
      'VETO-1': next() < 0.01, 'VETO-2': false, 'VETO-3': false, 'VETO-4': false, 'VETO-5': false, 'VETO-6': false,
      'DLV-1': next() < 0.9 ? 100 : 99, 'DLV-2': 100, 'DLV-3': 100, 'DLV-4': 100, 'DLV-5': Math.floor(next() * 3), 'DLV-6': 0,
    });
  }
  return list;
}

it('scores 100,000 assessments', async () => {
  const { pack, ref, sha256 } = validatePackJson(starJson);
  const loaded: LoadedStarPack = { ref, sha256, pack: pack as StarPack };
  const count = 100_000;
  const assessments = generate(count);
  const unit = { kind: 'enterprise' as const, industry: 'delivery', households: null };
  const history = { previousStars: 2, lastVetoOn: null };
  let stars = 0;
  const seconds = await timeIt(() => {
    for (const answers of assessments) stars += scoreAssessment(loaded, { unit, answers, history, assessedOn: '2026-11-20' }).awardedStars;
  }, 3);
  let sum = 0;
  const baselineSeconds = await timeIt(() => {
    for (const answers of assessments) {
      for (const key in answers) {
        const value = answers[key];
        if (typeof value === 'number') sum += value;
        else if (value === true) sum += 1;
        else if (typeof value === 'object' && value !== null) sum += (value as { safe: number }).safe;
      }
    }
  }, 3);
  const rate = count / seconds;
  const ratio = seconds / baselineSeconds;
  record({
    name: 'scoring.scoreAssessment',
    size: '100,000 assessments (wuhan-star@2026.1, delivery, full trace)',
    seconds,
    baselineSeconds,
    baseline: 'plain loop summing the same answers',
    rate: { value: rate, unit: 'assessments/s' },
    goal: { text: '≥ 200,000/s and ≤ 3× baseline', met: rate >= 200_000 && ratio <= 3 },
  });
  expect(stars + sum).toBeGreaterThan(0);
});
