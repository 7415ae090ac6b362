// Properties of the engine over random valid assessments (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allItems } from '../../../electron/main/scoring/applicability';
import { score, starPack } from './default-pack';

const delivery = { kind: 'enterprise' as const, industry: 'delivery', households: null };
const items = allItems(starPack.pack).filter((item) => !item.appliesTo?.industries || item.appliesTo.industries.includes('delivery'));
const percent = fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);

function answerArbitrary(item: (typeof items)[number]): fc.Arbitrary<unknown> {
  switch (item.kind) {
    case 'check':
      return fc.boolean();
    case 'veto':
      return fc.boolean();
    case 'scale':
      return fc.integer({ min: 0, max: item.points * 2 }).map((halves) => halves / 2);
    case 'deduct':
      return fc.integer({ min: 0, max: 12 });
    case 'rate':
    case 'gate':
      return percent;
    case 'survey':
      return fc.integer({ min: 30, max: 2000 }).chain((respondents) => fc.record({ respondents: fc.constant(respondents), safe: fc.integer({ min: 0, max: respondents }) }));
  }
}

const answersArbitrary = fc.record(Object.fromEntries(items.map((item) => [item.id, answerArbitrary(item)]))) as fc.Arbitrary<Record<string, unknown>>;
const historyArbitrary = fc.record({
  previousStars: fc.integer({ min: 0, max: 5 }),
  lastVetoOn: fc.option(fc.constantFrom('2024-02-29', '2025-06-30', '2025-11-20', '2025-11-21', '2026-11-20'), { nil: null }),
});
const run = (answers: Record<string, unknown>, history = { previousStars: 3, lastVetoOn: null as string | null }) =>
  score(answers, { unit: delivery, history });

describe('engine properties', () => {
  it('is deterministic: the same input scores the same twice', () => {
    fc.assert(fc.property(answersArbitrary, historyArbitrary, (answers, history) => {
      expect(run(answers, history)).toEqual(run(structuredClone(answers), { ...history }));
    }));
  });

  it('scores answers in any key order the same', () => {
    fc.assert(fc.property(answersArbitrary, fc.integer(), (answers, seed) => {
      const keys = Object.keys(answers).sort((a, b) => ((a.charCodeAt(0) * 31 + seed) % 7) - ((b.charCodeAt(0) * 31 + seed) % 7) || b.localeCompare(a));
      const shuffled = Object.fromEntries(keys.map((key) => [key, answers[key]]));
      const result = run(shuffled);
      expect(result).toEqual(run(answers));
    }));
  });

  it('never raises the total when a deduction count grows', () => {
    const deducts = items.filter((item) => item.kind === 'deduct').map((item) => item.id);
    fc.assert(fc.property(answersArbitrary, fc.constantFrom(...deducts), fc.integer({ min: 1, max: 5 }), (answers, id, more) => {
      const worse = { ...answers, [id]: (answers[id] as number) + more };
      expect(run(worse).total).toBeLessThanOrEqual(run(answers).total);
    }));
  });

  it('keeps the total within [0, 100] and exact to 0.01', () => {
    fc.assert(fc.property(answersArbitrary, (answers) => {
      const { total } = run(answers);
      expect(total).toBeGreaterThanOrEqual(0);
      expect(total).toBeLessThanOrEqual(100);
      expect(Math.round(total * 100) / 100).toBe(total);
    }));
  });

  it('gives 0 stars to every vetoed assessment', () => {
    fc.assert(fc.property(answersArbitrary, fc.constantFrom('VETO-1', 'VETO-2', 'VETO-3', 'VETO-4', 'VETO-5', 'VETO-6'), historyArbitrary, (answers, id, history) => {
      const result = run({ ...answers, [id]: true }, history);
      expect(result.awardedStars).toBe(0);
      expect(result.decidedBy).toBe('veto');
    }));
  });

  it('awards at most previousStars + maxStepUp, and never more than scoreStars', () => {
    fc.assert(fc.property(answersArbitrary, historyArbitrary, (answers, history) => {
      const result = run(answers, history);
      expect(result.awardedStars).toBeLessThanOrEqual(history.previousStars + starPack.pack.decision.maxStepUp);
      expect(result.awardedStars).toBeLessThanOrEqual(result.scoreStars);
    }));
  });

  it('makes the trace add up to the total', () => {
    fc.assert(fc.property(answersArbitrary, (answers) => {
      const result = run(answers);
      expect(result.trace.reduce((sum, entry) => sum + Math.round(entry.points * 100), 0)).toBe(Math.round(result.total * 100));
    }));
  });

});
