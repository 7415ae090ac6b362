// The rubric and scoring procedures the renderer calls: the stored packs and which are in force, one pack, a draft preview.
import { describe, expect, it } from 'vitest';
import { testCore } from '../helpers/core';
import { perfectAnswers } from '../unit/scoring/default-pack';
import { anyone } from '../helpers/actors';

describe('rubric and scoring procedures', () => {
  it('lists the stored packs and names the ones in force', async () => {
    const core = await testCore();
    const result = await core.dispatcher.dispatch('rubric.list', {}, anyone);
    expect(result.ok).toBe(true);
    const value = (result as { value: { packs: { ref: string }[]; defaultRefs: string[] } }).value;
    expect(value.packs.map((pack) => pack.ref).sort()).toEqual(['wuhan-ding@2026.1', 'wuhan-star@2026.1']);
    expect(value.defaultRefs).toEqual(['wuhan-star@2026.1', 'wuhan-ding@2026.1']);
  });

  it('answers NOT_FOUND for a pack that is not stored', async () => {
    const core = await testCore();
    expect(await core.dispatcher.dispatch('rubric.get', { ref: 'nope@1' }, anyone)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('previews a partial form as a draft', async () => {
    const core = await testCore();
    const { 'VETO-6': _dropped, ...answers } = perfectAnswers();
    const result = await core.dispatcher.dispatch('scoring.preview', {
      rubric: 'wuhan-star@2026.1',
      unit: { kind: 'enterprise', industry: null, households: null },
      answers,
      assessedOn: '2026-11-20',
    }, anyone);
    expect(result).toMatchObject({ ok: true, value: { complete: false, total: 100, scoreStars: 5, awardedStars: 1, decidedBy: 'stepUp' } });
  });
});
