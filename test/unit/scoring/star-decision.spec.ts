// The star decision in the order of docs/domain.md, and which rule `decidedBy` names.
import { describe, expect, it } from 'vitest';
import { deliveryPerfect, perfectAnswers, score } from './default-pack';

const delivery = { kind: 'enterprise' as const, industry: 'delivery', households: null };
const history = (previousStars: number, lastVetoOn: string | null = null) => ({ previousStars, lastVetoOn });

/** Perfect answers lowered to `target` points: whole checks switched off first, then scales for the rest. */
function totalOf(target: number): Record<string, unknown> {
  const answers = perfectAnswers();
  let off = 100 - target;
  for (const [id, max] of [['PRE-4', 5], ['STB-2', 5], ['RES-1', 4], ['RES-4', 4], ['ORG-1', 4], ['STB-3', 4]] as const) {
    if (off >= max + 0.5) {
      answers[id] = false;
      off -= max;
    }
  }
  for (const [id, max] of [['PRE-3', 8], ['PRE-1', 6], ['PRE-2', 6], ['RES-3', 4], ['ORG-2', 3]] as const) {
    const take = Math.min(off, max);
    answers[id] = max - take;
    off -= take;
  }
  return answers;
}

describe('star thresholds', () => {
  it.each([
    [59.5, 0],
    [60, 1],
    [69.5, 1],
    [70, 2],
    [80, 3],
    [89.5, 3],
    [90, 4],
    [95, 5],
  ])('a total of %d reaches %d stars', (total, stars) => {
    const result = score(totalOf(total), { history: history(5) });
    expect(result.total).toBe(total);
    expect(result.scoreStars).toBe(stars);
    expect(result.awardedStars).toBe(stars);
    expect(result.decidedBy).toBe('threshold');
  });
});

describe('extra conditions', () => {
  it('holds four stars back when the SAT rate is below 90% (condition)', () => {
    // 89 of 100 safe: SAT 15 − 0.5 × 6 = 12; total 97 but the SAT rate fails 四星 and 五星.
    const result = score({ ...perfectAnswers(), 'SAT-1': { respondents: 100, safe: 89 } }, { history: history(5) });
    expect(result.total).toBe(97);
    expect(result.scoreStars).toBe(3);
    expect(result.decidedBy).toBe('condition');
  });

  it('gives four, not five, stars when SAT is 90–95% (condition)', () => {
    const result = score({ ...perfectAnswers(), 'SAT-1': { respondents: 1000, safe: 949 } }, { history: history(5) });
    expect(result.total).toBeGreaterThanOrEqual(95);
    expect(result.scoreStars).toBe(4);
    expect(result.decidedBy).toBe('condition');
  });

  it('compares the survey rate exactly: 90 of 100 safe reaches "SAT rate ≥ 90"', () => {
    const answers = { ...totalOf(100), 'SAT-1': { respondents: 100, safe: 90 } };
    const result = score(answers, { history: history(5) });
    expect(result.total).toBe(97.5);
    expect(result.scoreStars).toBe(4);
  });

  it('refuses five stars when STB-5 (criminal cases) is not 0 (condition)', () => {
    const result = score({ ...perfectAnswers(), 'STB-5': 1 }, { history: history(5) });
    expect(result.total).toBe(98);
    expect(result.scoreStars).toBe(4);
    expect(result.decidedBy).toBe('condition');
  });
});

describe('gates', () => {
  it('caps stars at 2 when a delivery gate is below 100%', () => {
    const result = score({ ...perfectAnswers(), ...deliveryPerfect, 'DLV-2': 99.5 }, { unit: delivery, history: history(5) });
    expect(result.total).toBe(100);
    expect(result.scoreStars).toBe(2);
    expect(result.awardedStars).toBe(2);
    expect(result.decidedBy).toBe('gate');
  });

  it('names threshold, not gate, when the gate cap is above what the score reached', () => {
    const result = score({ ...totalOf(65), ...deliveryPerfect, 'DLV-1': 90 }, { unit: delivery, history: history(5) });
    expect(result.scoreStars).toBe(1);
    expect(result.decidedBy).toBe('threshold');
  });

  it('names gate when a gate lowers stars a condition had already lowered', () => {
    const answers = { ...perfectAnswers(), ...deliveryPerfect, 'STB-5': 1, 'DLV-4': 0 };
    const result = score(answers, { unit: delivery, history: history(5) });
    expect(result.scoreStars).toBe(2);
    expect(result.decidedBy).toBe('gate');
  });
});

describe('逐级 step-up', () => {
  it('raises a unit at most maxStepUp (1) star above its previous stars (stepUp)', () => {
    const result = score(perfectAnswers(), { history: history(2) });
    expect(result.scoreStars).toBe(5);
    expect(result.awardedStars).toBe(3);
    expect(result.decidedBy).toBe('stepUp');
  });

  it('gives a first assessment (previousStars 0) at most one star', () => {
    const result = score(perfectAnswers(), { history: history(0) });
    expect(result.awardedStars).toBe(1);
    expect(result.decidedBy).toBe('stepUp');
  });

  it('demotes at once when the score is lower than the previous stars', () => {
    const result = score(totalOf(72), { history: history(5) });
    expect(result.awardedStars).toBe(2);
    expect(result.decidedBy).toBe('threshold');
  });

  it('names stepUp when it lowers stars after a gate already did', () => {
    const result = score({ ...perfectAnswers(), ...deliveryPerfect, 'DLV-1': 99 }, { unit: delivery, history: history(0) });
    expect(result.scoreStars).toBe(2);
    expect(result.awardedStars).toBe(1);
    expect(result.decidedBy).toBe('stepUp');
  });
});

describe('veto and lockout', () => {
  it('gives 0 stars whatever the score when a veto item is true (veto)', () => {
    const result = score({ ...perfectAnswers(), 'VETO-4': true }, { history: history(5) });
    expect(result.vetoed).toBe(true);
    expect(result.total).toBe(100);
    expect(result.awardedStars).toBe(0);
    expect(result.decidedBy).toBe('veto');
  });

  it('vetoes a finance unit for a mis-selling mass incident (FIN-3)', () => {
    const unit = { kind: 'enterprise' as const, industry: 'finance', households: null };
    const result = score({ ...perfectAnswers(), 'FIN-1': 0, 'FIN-2': 0, 'FIN-3': true }, { unit, history: history(5) });
    expect(result.awardedStars).toBe(0);
    expect(result.decidedBy).toBe('veto');
  });

  it('names veto rather than lockout when both apply', () => {
    const result = score({ ...perfectAnswers(), 'VETO-1': true }, { history: history(5, '2026-06-01') });
    expect(result.decidedBy).toBe('veto');
  });

  it.each([
    ['2025-11-20', '2026-11-20', false, 'exactly 12 months later is no longer locked'],
    ['2025-11-21', '2026-11-20', true, 'one day less than 12 months is locked'],
    ['2025-11-20', '2026-11-19', true, 'the day before the anniversary is locked'],
    ['2024-02-29', '2025-02-28', false, 'a 29 February veto ends on 28 February a year later'],
    ['2024-02-29', '2025-02-27', true, 'and is still locked the day before'],
    ['2025-08-31', '2026-08-30', true, 'a veto on the 31st is locked on the 30th of the anniversary month'],
    ['2026-11-20', '2026-11-20', true, 'a veto on the assessment day itself locks'],
    ['2020-01-01', '2026-11-20', false, 'an old veto does not lock'],
  ])('lockout: veto on %s, assessed %s → locked %s (%s)', (lastVetoOn, assessedOn, locked) => {
    const result = score(perfectAnswers(), { history: history(5, lastVetoOn), assessedOn });
    expect(result.lockedOut).toBe(locked);
    expect(result.awardedStars).toBe(locked ? 0 : 5);
    expect(result.decidedBy).toBe(locked ? 'lockout' : 'threshold');
  });

  it('explains every lowering step in the trace', () => {
    const result = score({ ...perfectAnswers(), ...deliveryPerfect, 'STB-5': 1, 'DLV-1': 99 }, { unit: delivery, history: history(0) });
    const rules = result.trace.filter((entry) => entry.step === 'stars').map((entry) => entry.rule);
    expect(rules).toEqual(['threshold', 'condition', 'gate', 'stepUp']);
  });
});
