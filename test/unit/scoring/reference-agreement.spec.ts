// The fast star engine agrees with the plain reference scorer (test/reference/) on generated
// packs, units, histories and answers: inapplicable items (refused when answered), surveys with
// small samples, gates, vetoes, lockouts and star conditions included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import type { StarPack } from '@shared/rubric/star-pack';
import type { ScoreResult } from '@shared/scoring/result';
import { validatePackJson } from '../../../electron/main/rubric/pack-store';
import { scoreAssessment } from '../../../electron/main/scoring/index';
import { referenceScore } from '../../reference/reference-scorer';
import type { ReferenceInput } from '../../reference/reference-scorer';
import { starJsonCopy } from './default-pack';

type Json = Record<string, any>;
const kinds = ['enterprise', 'community', 'village', 'institution'] as const;
const twoPlaces = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((hundredths) => hundredths / 100);

/** The shipped pack with every number, threshold, condition and kind rule redrawn. */
const packArbitrary: fc.Arbitrary<Json> = fc
  .record({
    seed: fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 256, maxLength: 256 }),
    mins: fc.uniqueArray(fc.integer({ min: 100, max: 10_000 }), { minLength: 1, maxLength: 5 }),
    addOnCap: twoPlaces(1, 30),
    maxStepUp: fc.integer({ min: 1, max: 5 }),
    lockout: fc.integer({ min: 0, max: 24 }),
    conditionCounts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 5, maxLength: 5 }),
  })
  .map(({ seed, mins, addOnCap, maxStepUp, lockout, conditionCounts }) => {
    const pack = starJsonCopy();
    let drawn = 0;
    const next = (max: number) => (seed[drawn++ % seed.length] as number) % (max + 1);
    const items: Json[] = [...pack.categories.flatMap((category: Json) => category.items), ...pack.addOns.items, ...pack.vetoes.items];
    for (const item of items) {
      if (item.kind === 'deduct') {
        item.per = (1 + next(9)) / 2;
        item.cap = item.per + next(2000) / 100;
      }
      if (item.kind === 'rate' || item.kind === 'survey') {
        item.full = (1 + next(9999)) / 100;
        item.perPoint = next(300) / 100;
      }
      if (item.kind === 'survey') {
        item.minSample = 1 + next(200);
        item.minShare = next(2000) / 10_000;
      }
      if (item.kind === 'gate') {
        item.required = next(10_000) / 100;
        item.capStars = next(4);
      }
      // Rules that need no points to add up may be limited to some kinds of unit.
      if (['deduct', 'gate', 'veto'].includes(item.kind) && next(2) === 0) {
        const allowed = kinds.filter(() => next(1) === 1);
        item.appliesTo = { ...(item.appliesTo ?? {}), kinds: allowed.length > 0 ? allowed : ['community'] };
      }
    }
    pack.addOns.cap = addOnCap;
    pack.decision.maxStepUp = maxStepUp;
    pack.decision.vetoLockoutMonths = lockout;
    const sorted = [...mins].sort((a, b) => a - b);
    pack.stars = pack.stars
      .slice(0, sorted.length)
      .map((level: Json, index: number) => ({ ...level, min: (sorted[index] as number) / 100, conditions: [] }));
    const targets: [string, string][] = [
      ['SAT-1', 'rate'],
      ['SAT-1', 'points'],
      ['STB-1', 'rate'],
      ['STB-1', 'answer'],
      ['STB-4', 'answer'],
      ['PRE-5', 'points'],
      ['RES-3', 'points'],
      ['RES-1', 'points'],
      ['DLV-1', 'rate'],
    ];
    const ops = ['>=', '>', '<=', '<', '=='];
    pack.stars.forEach((level: Json, index: number) => {
      for (let count = 0; count < (conditionCounts[index] as number); count += 1) {
        const [item, measure] = targets[next(targets.length - 1)] as [string, string];
        level.conditions.push({
          item,
          measure,
          op: ops[next(4)],
          value: measure === 'answer' && item === 'STB-4' ? next(6) : next(10_000) / 100,
        });
      }
    });
    return pack;
  });

function answerFor(item: Json): fc.Arbitrary<unknown> {
  switch (item.kind) {
    case 'check':
      return fc.boolean();
    case 'veto':
      // Rare, as in life: a veto on most runs would hide every other rule.
      return fc.integer({ min: 0, max: 39 }).map((dice) => dice === 0);
    case 'scale': {
      const steps = Math.round((item.points as number) / (item.step as number));
      return fc.integer({ min: 0, max: steps }).map((count) => Math.round(count * (item.step as number) * 100) / 100);
    }
    case 'deduct':
      return fc.integer({ min: 0, max: 12 });
    case 'rate':
    case 'gate':
      return fc.integer({ min: 0, max: 10_000 }).map((hundredths) => hundredths / 100);
    default:
      return fc
        .integer({ min: 1, max: 3000 })
        .chain((respondents) => fc.record({ respondents: fc.constant(respondents), safe: fc.integer({ min: 0, max: respondents }) }));
  }
}

/** One pack and several assessments scored against it in turn, so the engine's caches are warm and shared. */
const caseArbitrary = packArbitrary.chain((pack) => {
  const items: Json[] = [...pack.categories.flatMap((category: Json) => category.items), ...pack.addOns.items, ...pack.vetoes.items];
  const assessment = fc.record({
    // Most runs answer every applicable item; some leave items out (a draft); a few answer an item that does not apply.
    mode: fc.constantFrom('complete', 'complete', 'complete', 'draft', 'inapplicable'),
    // The answers' key order: the engine learns one, and must score any other the same.
    reversed: fc.boolean(),
    unit: fc.record({
      kind: fc.constantFrom(...kinds),
      industry: fc.constantFrom(null, 'delivery', 'finance'),
      households: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: null }),
    }),
    drawn: fc.tuple(...items.map((item) => fc.tuple(fc.integer({ min: 0, max: 99 }), answerFor(item)))),
    previousStars: fc.integer({ min: 0, max: 5 }),
    lastVetoOn: fc.option(fc.constantFrom('2024-02-29', '2025-01-31', '2025-08-31', '2025-11-20', '2025-11-21', '2026-06-30'), {
      nil: null,
    }),
    assessedOn: fc.constantFrom('2026-02-28', '2026-03-01', '2026-11-19', '2026-11-20', '2026-12-31'),
  });
  return fc.record({
    pack: fc.constant(pack),
    items: fc.constant(items),
    assessments: fc.array(assessment, { minLength: 1, maxLength: 4 }),
  });
});

function appliesTo(item: Json, unit: { kind: string; industry: string | null }): boolean {
  if (item.appliesTo?.kinds && !item.appliesTo.kinds.includes(unit.kind)) return false;
  if (item.appliesTo?.industries && (unit.industry === null || !item.appliesTo.industries.includes(unit.industry))) return false;
  return true;
}

function engine(loaded: ReturnType<typeof validatePackJson>, input: ReferenceInput, draft: boolean): ScoreResult | 'refused' {
  try {
    return scoreAssessment(
      { ref: loaded.ref, sha256: loaded.sha256, pack: loaded.pack as StarPack },
      {
        unit: input.unit,
        answers: input.answers,
        history: { previousStars: input.previousStars, lastVetoOn: input.lastVetoOn },
        assessedOn: input.assessedOn,
      },
      { draft },
    );
  } catch (error) {
    if (error instanceof DxError && error.code === 'BAD_INPUT') return 'refused';
    throw error;
  }
}

describe('the star engine against the reference scorer', () => {
  it('agrees on totals, categories, item points, completeness and the star decision', () => {
    fc.assert(
      fc.property(caseArbitrary, (sample) => {
        let loaded: ReturnType<typeof validatePackJson>;
        try {
          loaded = validatePackJson(sample.pack);
        } catch {
          fc.pre(false);
          return;
        }
        for (const drawn of sample.assessments) {
          const answers: Record<string, unknown> = {};
          const order = drawn.drawn.map((_, index) => index);
          if (drawn.reversed) order.reverse();
          for (const index of order) {
            const [dice, answer] = drawn.drawn[index] as [number, unknown];
            const item = sample.items[index] as Json;
            const applicable = appliesTo(item, drawn.unit);
            const answered = applicable ? drawn.mode !== 'draft' || dice < 85 : drawn.mode === 'inapplicable' && dice < 10;
            if (answered) answers[item.id as string] = answer;
          }
          const input: ReferenceInput = {
            unit: drawn.unit,
            answers,
            previousStars: drawn.previousStars,
            lastVetoOn: drawn.lastVetoOn,
            assessedOn: drawn.assessedOn,
          };
          const expected = referenceScore(loaded.pack as StarPack, input);
          const draftResult = engine(loaded, input, true);
          if (expected.refused) {
            expect(draftResult).toBe('refused');
            continue;
          }
          expect(draftResult).not.toBe('refused');
          const result = draftResult as ScoreResult;
          expect({
            total: result.total,
            categories: result.categories,
            addOnDeduction: result.addOnDeduction,
            complete: result.complete,
            missing: result.missing,
            lowSamples: result.incompleteReasons.map((reason) => reason.item),
            vetoed: result.vetoed,
            lockedOut: result.lockedOut,
            scoreStars: result.scoreStars,
            awardedStars: result.awardedStars,
            decidedBy: result.decidedBy,
          }).toEqual({
            total: expected.total,
            categories: expected.categories,
            addOnDeduction: expected.addOnDeduction,
            complete: expected.complete,
            missing: expected.missing,
            lowSamples: expected.lowSamples,
            vetoed: expected.vetoed,
            lockedOut: expected.lockedOut,
            scoreStars: expected.scoreStars,
            awardedStars: expected.awardedStars,
            decidedBy: expected.decidedBy,
          });
          const itemPoints = Object.fromEntries(
            result.trace
              .filter((entry) => entry.step === 'item' && entry.item in expected.itemPoints)
              .map((entry) => [entry.item, Math.round(entry.points * 100)]),
          );
          expect(itemPoints).toEqual(expected.itemPoints);
          // Without --draft the engine refuses exactly the incomplete assessments.
          expect(engine(loaded, input, false) === 'refused').toBe(!expected.complete);
        }
      }),
      { numRuns: 200 },
    );
  });
});
