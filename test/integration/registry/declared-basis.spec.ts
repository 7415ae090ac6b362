// A unit's first assessment recorded by `dingxing assessments import` counts from the stars and
// veto its JSON declares (the unit had no history: docs/assessments.md). Rows that arrive later
// and say nothing about the time before it (a later cycle's rating from another laptop) do not
// change that basis: it must not be marked as signed on an outdated basis, at the city or on any
// laptop. Rows that do speak of the time before it still mark it.
import { describe, expect, it } from 'vitest';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { contextOf } from '../../helpers/context';
import { listStaleBases } from '../../../electron/main/assessments/stale-basis';
import { leaderActor } from '../../helpers/actors';
import { cityWorld, newUscc, perfectAnswers } from './world';
import type { Place } from './world';

const hanyang = '420105';

/** `dingxing assessments import` of one document on a laptop; returns the assessment id. */
function importDeclared(laptop: Place, uscc: string, fields: { cycle: number; assessedOn: string; previousStars: number; lastVetoOn: string | null }): string {
  const document = {
    format: 'dingxing.assessment/1',
    rubric: 'wuhan-star@2026.1',
    unit: { name: '汉阳纸面二星仓储有限公司', kind: 'enterprise', district: hanyang, uscc },
    answers: perfectAnswers(),
    ...fields,
  };
  const [recorded] = importAssessmentDocuments(contextOf(laptop.core, leaderActor), [{ source: 'declared.json', json: document }]);
  return recorded!.id;
}

function marks(place: Place): string[] {
  return listStaleBases(place.core.services.db).map((mark) => mark.assessmentId);
}

describe('a basis declared for a unit with no history', () => {
  it('is not marked outdated when a later cycle’s rating arrives, at the city nor on either laptop', async () => {
    const world = await cityWorld({ A: [hanyang], B: [hanyang] });
    const { A, B } = world.laptops as { A: Place; B: Place };
    const uscc = newUscc();
    const declared = importDeclared(A, uscc, { cycle: 2025, assessedOn: '2025-11-20', previousStars: 2, lastVetoOn: null });
    expect(A.core.services.db.prepare('SELECT awarded_stars FROM assessments WHERE id = ?').pluck().get(declared)).toBe(3);
    await world.city.take(await A.send(world.folder, 'a1'));
    await B.take(await world.cityBundle('for-b'));
    const unitAtB = B.unitIdOf('汉阳纸面二星仓储有限公司')!;
    expect(B.stars(unitAtB)).toBe(3);
    const later = await B.sign(unitAtB, 2026, '2026-11-18');
    expect(later.awardedStars).toBe(4);
    await world.city.take(await B.send(world.folder, 'b1'));
    await A.take(await world.cityBundle('for-a'));
    expect(marks(world.city)).toEqual([]);
    expect(marks(A)).toEqual([]);
    expect(marks(B)).toEqual([]);
  }, 60_000);

  it('is still marked when an earlier cycle’s row arrives that contradicts it', async () => {
    const world = await cityWorld({ A: [hanyang], B: [hanyang] });
    const { A, B } = world.laptops as { A: Place; B: Place };
    const uscc = newUscc();
    // A declares the unit held no stars before 2026; B rated it 一星 in 2025.
    const declared = importDeclared(A, uscc, { cycle: 2026, assessedOn: '2026-11-10', previousStars: 0, lastVetoOn: null });
    const unitAtB = await B.unit('汉阳纸面二星仓储有限公司', hanyang, uscc);
    await B.sign(unitAtB, 2025, '2025-11-01');
    await world.city.take(await A.send(world.folder, 'a1'), await B.send(world.folder, 'b1'));
    expect(marks(world.city)).toEqual([declared]);
  }, 60_000);
});
