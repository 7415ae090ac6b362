// Each item keeps what it made of the answers it scored (item-points.ts), so 100,000 assessments
// word each answer once. What it keeps must never change a result: scored cold (a pack seen for
// the first time) or warm, in any order, past the number of answers an item keeps, the result is
// the same; an answer is reused only when it is the very same answer.
import { describe, expect, it } from 'vitest';
import { loadStarPack, perfectAnswers, score, starJsonCopy } from './default-pack';

const fresh = () => loadStarPack(starJsonCopy());
const json = (value: unknown) => JSON.stringify(value);

describe('what an item keeps of the answers it scored', () => {
  it('never changes a result: the same assessments scored in one order on one pack, in the other order on a fresh one', () => {
    const assessments = Array.from({ length: 300 }, (_, index) => ({
      ...perfectAnswers(),
      'RES-3': (index % 9) / 2,
      'STB-1': 90 + (index % 1000) / 100,
      'PRE-5': index % 7,
      'SAT-1': { respondents: 100 + (index % 50), safe: 90 + (index % 11) },
      'RUL-2': index % 3 === 0,
    }));
    const forward = fresh();
    const backward = fresh();
    const first = assessments.map((answers) => json(score(answers, {}, {}, forward)));
    const second = [...assessments].reverse().map((answers) => json(score(answers, {}, {}, backward))).reverse();
    expect(second).toEqual(first);
    // And again on the now warm pack.
    expect(assessments.map((answers) => json(score(answers, {}, {}, forward)))).toEqual(first);
  });

  it('scores right past the number of answers an item keeps (1,000): 2,000 different percents', () => {
    const assessments = Array.from({ length: 2000 }, (_, index) => ({ ...perfectAnswers(), 'STB-1': 80 + index / 100 }));
    const [one, other] = [fresh(), fresh()];
    // Each pack keeps the first 1,000 percents it meets: the other pack meets the other half first.
    const forward = assessments.map((answers) => json(score(answers, {}, {}, one)));
    const backward = [...assessments].reverse().map((answers) => json(score(answers, {}, {}, other))).reverse();
    expect(backward).toEqual(forward);
  });

  it('checks an answer it has not kept even when a kept one is close: 96.5 then 96.5000001 (more than 2 places) and "96.5"', () => {
    const warm = fresh();
    expect(score({ ...perfectAnswers(), 'STB-1': 96.5 }, {}, {}, warm).total).toBe(score({ ...perfectAnswers(), 'STB-1': 96.5 }, {}, {}, fresh()).total);
    expect(() => score({ ...perfectAnswers(), 'STB-1': 96.5000001 }, {}, {}, warm)).toThrow(/1 answer is not valid for wuhan-star@2026\.1: STB-1/);
    expect(() => score({ ...perfectAnswers(), 'STB-1': '96.5' }, {}, {}, warm)).toThrow(/STB-1/);
    expect(() => score({ ...perfectAnswers(), 'RUL-2': 1 }, {}, {}, warm)).toThrow(/RUL-2/);
  });

  it('gives −0 the result of 0, as JSON has one zero, whichever came first', () => {
    for (const [first, second] of [[0, -0], [-0, 0]]) {
      const warm = fresh();
      const a = score({ ...perfectAnswers(), 'RES-3': first, 'PRE-5': first }, {}, {}, warm);
      const b = score({ ...perfectAnswers(), 'RES-3': second, 'PRE-5': second }, {}, {}, warm);
      expect(json(a)).toBe(json(b));
      expect(json(a)).toBe(json(score({ ...perfectAnswers(), 'RES-3': 0, 'PRE-5': 0 }, {}, {}, fresh())));
    }
  });

  it('keeps a result of its own: changing one result’s objects does not reach another’s', () => {
    const warm = fresh();
    const first = score(perfectAnswers(), {}, {}, warm);
    const second = score(perfectAnswers(), {}, {}, warm);
    expect(() => {
      (first.trace[0] as { why: string }).why = 'changed';
    }).toThrow(TypeError);
    first.trace.push(first.trace[0]!);
    first.categories.RES = 0;
    expect(json(second)).toBe(json(score(perfectAnswers(), {}, {}, fresh())));
  });
});
