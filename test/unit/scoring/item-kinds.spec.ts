// One rule per item kind of docs/domain.md, pinned on the shipped pack: the points each answer gives or takes.
import { describe, expect, it } from 'vitest';
import { deliveryPerfect, financePerfect, perfectAnswers, score } from './default-pack';

const delivery = { kind: 'enterprise' as const, industry: 'delivery', households: null };
const finance = { kind: 'enterprise' as const, industry: 'finance', households: null };

function itemPoints(result: ReturnType<typeof score>, id: string): number | undefined {
  return result.trace.find((entry) => entry.item === id && entry.step === 'item')?.points;
}

describe('item kinds', () => {
  it.each([
    ['check gives its points when true', 'RES-1', true, 4],
    ['check gives 0 when false', 'RES-1', false, 0],
    ['scale gives the number answered', 'PRE-3', 6.5, 6.5],
    ['scale accepts 0', 'PRE-3', 0, 0],
    ['deduct takes per × count', 'STB-4', 2, -4],
    ['deduct stops at its cap', 'STB-4', 5, -6],
    ['deduct of 0 takes nothing', 'STB-4', 0, 0],
    ['rate gives full points at the full rate', 'STB-1', 98, 6],
    ['rate gives full points above the full rate', 'STB-1', 99.5, 6],
    ['rate loses perPoint per percentage point below full', 'STB-1', 95, 4.5],
    ['rate loses a fraction of perPoint for a fractional gap', 'STB-1', 97.25, 5.63],
    ['rate is floored at 0', 'STB-1', 10, 0],
    ['survey gives full points at 95% safe', 'SAT-1', { respondents: 100, safe: 95 }, 15],
    ['survey loses perPoint per point of safe share below full', 'SAT-1', { respondents: 100, safe: 90 }, 12.5],
    ['survey keeps an inexact share exact until the item rounds it', 'SAT-1', { respondents: 120, safe: 110 }, 13.33],
    ['survey rounds a half hundredth up at the item', 'SAT-1', { respondents: 400, safe: 379 }, 14.88],
    ['survey is floored at 0', 'SAT-1', { respondents: 100, safe: 0 }, 0],
    ['veto gives no points', 'VETO-1', true, 0],
  ])('%s (%s = %j → %d)', (_rule, id, answer, expected) => {
    const result = score({ ...perfectAnswers(), [id]: answer });
    expect(itemPoints(result, id)).toBe(expected);
  });

  it('says one point and one percentage point in the singular in English', () => {
    const result = score({ ...perfectAnswers(), 'STB-1': 97 });
    const entry = result.trace.find((candidate) => candidate.item === 'STB-1') as { whyEn?: string };
    expect(entry.whyEn).toBe('97% is 1 percentage point below 98%: 5.5 points');
  });

  it('rounds half up at the item: 97.99% on STB-1 is 6 − 0.005 = 5.995 → 6', () => {
    const result = score({ ...perfectAnswers(), 'STB-1': 97.99 });
    expect(itemPoints(result, 'STB-1')).toBe(6);
  });

  it('gate gives no points and does not change the total', () => {
    const passed = score({ ...perfectAnswers(), ...deliveryPerfect }, { unit: delivery });
    const failed = score({ ...perfectAnswers(), ...deliveryPerfect, 'DLV-3': 50 }, { unit: delivery });
    expect(itemPoints(failed, 'DLV-3')).toBe(0);
    expect(failed.total).toBe(passed.total);
  });

  it('floors a category at 0 when its deductions exceed its points', () => {
    const answers = { ...perfectAnswers(), 'STB-1': 0, 'STB-2': false, 'STB-3': false, 'STB-4': 3, 'STB-5': 3 };
    const result = score(answers);
    expect(result.categories.STB).toBe(0);
    expect(result.trace).toContainEqual(expect.objectContaining({ item: 'STB', step: 'category', points: 12 }));
  });

  it('takes industry add-on deductions off the total', () => {
    const result = score({ ...perfectAnswers(), ...deliveryPerfect, 'DLV-5': 2 }, { unit: delivery });
    expect(result.addOnDeduction).toBe(4);
    expect(result.total).toBe(96);
  });

  it('says 0, not −0, when add-ons and deductions take nothing (a screen would print −0)', () => {
    const result = score({ ...perfectAnswers(), ...deliveryPerfect, 'STB-4': -0, 'PRE-1': -0 }, { unit: delivery });
    expect(Object.is(result.addOnDeduction, 0)).toBe(true);
    for (const id of ['DLV-5', 'DLV-6', 'STB-4', 'PRE-5', 'PRE-1']) expect(Object.is(itemPoints(result, id), 0)).toBe(true);
  });

  it('caps industry add-on deductions together at addOnCap 15', () => {
    const result = score({ ...perfectAnswers(), ...financePerfect, 'FIN-1': 5, 'FIN-2': 2 }, { unit: finance });
    expect(result.addOnDeduction).toBe(15);
    expect(result.total).toBe(85);
    expect(result.trace).toContainEqual(expect.objectContaining({ item: 'ADD-ON', step: 'addOnCap', points: 5 }));
  });

  it('keeps the total exact to 0.01 with no float noise', () => {
    const answers = { ...perfectAnswers(), 'RES-3': 3.5, 'STB-1': 97.35, 'SAT-1': { respondents: 130, safe: 121 } };
    const result = score(answers);
    expect(Math.round(result.total * 100) / 100).toBe(result.total);
    expect(String(result.total)).toMatch(/^\d+(\.\d{1,2})?$/);
  });

  it('lets a person recompute the total: trace points add up to it exactly (in hundredths)', () => {
    const answers = { ...perfectAnswers(), ...financePerfect, 'STB-1': 91.33, 'FIN-1': 5, 'FIN-2': 2, 'SAT-1': { respondents: 77, safe: 70 } };
    const result = score(answers, { unit: finance });
    const hundredths = result.trace.reduce((sum, entry) => sum + Math.round(entry.points * 100), 0);
    expect(hundredths).toBe(Math.round(result.total * 100));
  });

  it('explains a count in the measure word of its item in the pack (处, 件, 起, 次), 项 where the label names none', () => {
    const answers = { ...perfectAnswers(), ...deliveryPerfect, 'PRE-5': 2, 'STB-4': 1, 'STB-5': 1, 'DLV-5': 3, 'DLV-6': 1 };
    const result = score(answers, { unit: delivery });
    const why = (id: string) => result.trace.find((entry) => entry.item === id && entry.step === 'item')?.whyZh;
    expect(why('PRE-5')).toMatch(/^2处×1分，扣2分/);
    expect(why('STB-4')).toMatch(/^1件×/);
    expect(why('STB-5')).toMatch(/^1起×/);
    expect(why('DLV-5')).toMatch(/^3件×/);
    expect(why('DLV-6')).toMatch(/^1项×/);
    const financeResult = score({ ...perfectAnswers(), ...financePerfect, 'FIN-2': 1 }, { unit: finance });
    expect(financeResult.trace.find((entry) => entry.item === 'FIN-2' && entry.step === 'item')?.whyZh).toMatch(/^1次×/);
  });

  it('scores the CONTRACTS example categories the way the table reads', () => {
    const answers = { ...perfectAnswers(), 'RES-3': 3.5, 'PRE-5': 2, 'STB-1': 97, 'SAT-1': { respondents: 120, safe: 115 } };
    const result = score(answers);
    expect(result.categories).toEqual({ RES: 14.5, ORG: 10, RUL: 10, PRE: 23, ATR: 10, STB: 14.5, SAT: 15 });
    expect(result.total).toBe(97);
  });
});
