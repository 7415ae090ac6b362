// Answer validation: what is refused (naming the item), what only a draft may leave out, and the survey minimum.
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { minimumSurveySample } from '../../../electron/main/scoring/index';
import { deliveryPerfect, perfectAnswers, score } from './default-pack';

function refusal(run: () => unknown): DxError {
  try {
    run();
  } catch (error) {
    if (error instanceof DxError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const community = (households: number | null) => ({ kind: 'community' as const, industry: null, households });

describe('answer validation', () => {
  it.each([
    ['an unknown item id', { 'XYZ-9': true }, 'XYZ-9'],
    ['an item that does not apply to the unit (delivery item, no industry)', { 'DLV-1': 100 }, 'DLV-1'],
    ['a check answered with a number', { 'RES-1': 1 }, 'RES-1'],
    ['a scale above its points', { 'RES-3': 4.5 }, 'RES-3'],
    ['a scale off its 0.5 step', { 'RES-3': 2.25 }, 'RES-3'],
    ['a negative scale', { 'RES-3': -0.5 }, 'RES-3'],
    ['a fractional deduct count', { 'PRE-5': 1.5 }, 'PRE-5'],
    ['a negative deduct count', { 'PRE-5': -1 }, 'PRE-5'],
    ['a rate above 100', { 'STB-1': 100.5 }, 'STB-1'],
    ['a rate given as text', { 'STB-1': '97' }, 'STB-1'],
    ['a rate with more than 2 decimals', { 'STB-1': 97.125 }, 'STB-1'],
    ['a survey with more safe than respondents', { 'SAT-1': { respondents: 50, safe: 51 } }, 'SAT-1'],
    ['a survey with a fractional count', { 'SAT-1': { respondents: 50.5, safe: 40 } }, 'SAT-1'],
    ['a survey with an unknown field', { 'SAT-1': { respondents: 50, safe: 40, unsafe: 10 } }, 'SAT-1'],
    ['a veto answered with a string', { 'VETO-1': 'no' }, 'VETO-1'],
  ])('refuses %s, naming the item', (_what, change, id) => {
    const error = refusal(() => score({ ...perfectAnswers(), ...change }));
    expect(error.code).toBe('BAD_INPUT');
    expect(error.message).toContain(id);
    expect(error.details?.issues).toContainEqual(expect.objectContaining({ path: ['answers', id] }));
  });

  it('refuses invalid answers even in a draft', () => {
    expect(() => score({ 'RES-1': 'yes' }, {}, { draft: true })).toThrow(/RES-1/);
  });

  it('refuses a missing applicable answer, naming every missing id', () => {
    const answers: Record<string, unknown> = { ...perfectAnswers(), ...deliveryPerfect };
    delete answers['RES-2'];
    delete answers['DLV-3'];
    const error = refusal(() => score(answers, { unit: { kind: 'enterprise', industry: 'delivery', households: null } }));
    expect(error.message).toContain('RES-2');
    expect(error.message).toContain('DLV-3');
    expect(error.details?.issues).toHaveLength(2);
  });

  it('scores a draft with missing answers as incomplete, missing items at 0', () => {
    const answers = perfectAnswers();
    delete answers['RES-2'];
    const result = score(answers, {}, { draft: true });
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual(['RES-2']);
    expect(result.categories.RES).toBe(12);
  });

  it('treats an industry item as required only for that industry', () => {
    const unit = { kind: 'enterprise' as const, industry: 'delivery', households: null };
    expect(() => score(perfectAnswers(), { unit })).toThrow(/DLV-1/);
    expect(score({ ...perfectAnswers(), ...deliveryPerfect }, { unit }).complete).toBe(true);
  });
});

describe('survey minimum sample', () => {
  const item = { minSample: 30, minShare: 0.05 };

  it.each([
    [null, 30],
    [0, 30],
    [400, 30],
    [600, 30],
    [601, 31],
    [300, 30],
    [2400, 120],
    [2401, 121],
  ])('with %s households needs %d respondents', (households, minimum) => {
    expect(minimumSurveySample(item, households)).toBe(minimum);
  });

  it('counts 0.07 × 300 as exactly 21 (no float rounding up to 22)', () => {
    expect(minimumSurveySample({ minSample: 1, minShare: 0.07 }, 300)).toBe(21);
  });

  it('refuses a sample below 5% of households, naming the survey item', () => {
    const error = refusal(() => score({ ...perfectAnswers(), 'SAT-1': { respondents: 119, safe: 119 } }, { unit: community(2400) }));
    expect(error.message).toContain('SAT-1');
    expect(error.message).toContain('120');
  });

  it('accepts a sample of exactly the minimum', () => {
    expect(score({ ...perfectAnswers(), 'SAT-1': { respondents: 120, safe: 119 } }, { unit: community(2400) }).complete).toBe(true);
  });

  it('needs only minSample (30) when households are unknown', () => {
    expect(score({ ...perfectAnswers(), 'SAT-1': { respondents: 30, safe: 30 } }, { unit: community(null) }).complete).toBe(true);
    expect(() => score({ ...perfectAnswers(), 'SAT-1': { respondents: 29, safe: 29 } }, { unit: community(null) })).toThrow(/SAT-1/);
  });

  it('marks a draft with a too-small sample incomplete and says why', () => {
    const result = score({ ...perfectAnswers(), 'SAT-1': { respondents: 20, safe: 20 } }, {}, { draft: true });
    expect(result.complete).toBe(false);
    expect(result.incompleteReasons[0]?.item).toBe('SAT-1');
  });
});
