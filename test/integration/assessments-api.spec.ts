// The assessment procedures through the dispatcher, as the renderer calls them: roles, refusals, evidence, demo job.
import { describe, expect, it } from 'vitest';
import type { Assessment } from '@shared/api/procedures/assessments';
import { testCore } from '../helpers/core';
import { addUnit, fullAnswers } from '../unit/assessments/fixtures';
import { actorWith, anyone, asInspector, asLeader, inspectorActor, leaderActor } from '../helpers/actors';
import type { Caller } from '../../electron/main/api/dispatch';

async function call<T>(core: Awaited<ReturnType<typeof testCore>>, name: string, input: unknown, caller: Caller = anyone): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

describe('assessment API', () => {
  it('runs start → autosave → submit → sign, with signing refused to an inspector', async () => {
    const core = await testCore();
    const unitId = addUnit(core);
    const draft = await call<Assessment>(core, 'assessments.start', { unitId, cycle: 2026, assessedOn: '2026-11-20' });
    const saved = await call<{ autosavedAt: string | null }>(core, 'assessments.saveDraft', { id: draft.id, answers: { 'RES-1': true }, autosave: true });
    expect(saved.autosavedAt).not.toBeNull();
    expect((await call<Assessment>(core, 'assessments.get', { id: draft.id })).answers).toEqual({ 'RES-1': true });
    const preview = await call<{ result: { total: number }; missing: string[] }>(core, 'assessments.preview', { id: draft.id, answers: { 'RES-1': true, 'RES-2': true } });
    expect(preview.result.total).toBe(7);
    await call(core, 'assessments.submit', { id: draft.id, answers: fullAnswers(draft.form) }, asInspector);
    const refused = await core.dispatcher.dispatch('assessments.sign', { id: draft.id }, asInspector);
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { roles: ['leader'] } } });
    const signed = await call<Assessment>(core, 'assessments.sign', { id: draft.id }, asLeader);
    expect(signed).toMatchObject({ status: 'signed', inspector: '李检查员', signedBy: '王组长', awardedStars: 1 });
    const row = core.services.db.prepare('SELECT submitted_by_id, signed_by_id FROM assessments WHERE id = ?').get(draft.id);
    expect(row).toEqual({ submitted_by_id: inspectorActor.userId, signed_by_id: leaderActor.userId });
    const edit = await core.dispatcher.dispatch('assessments.saveDraft', { id: draft.id, answers: {} }, anyone);
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await call<unknown[]>(core, 'assessments.listForUnit', { unitId })).length).toBe(1);
    expect((await call<unknown[]>(core, 'assessments.listDrafts', {})).length).toBe(0);
  });

  it('sends back only with a reason: none, or blanks, is refused and the assessment stays submitted', async () => {
    const core = await testCore();
    const draft = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core), cycle: 2026, assessedOn: '2026-11-20' });
    await call(core, 'assessments.submit', { id: draft.id, answers: fullAnswers(draft.form) }, asInspector);
    for (const input of [{ id: draft.id }, { id: draft.id, reason: '   ' }]) {
      expect(await core.dispatcher.dispatch('assessments.reopen', input, asLeader)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['reason'] }] } } });
    }
    expect((await call<Assessment>(core, 'assessments.get', { id: draft.id })).status).toBe('submitted');
    const sentBack = await call<Assessment>(core, 'assessments.reopen', { id: draft.id, reason: '  SAT-1 样本太少，请补充问卷  ' }, asLeader);
    expect(sentBack).toMatchObject({ status: 'draft', sentBack: { reason: 'SAT-1 样本太少，请补充问卷', by: '王组长' } });
  });

  it('refuses malformed input before any handler runs, and evidence of the wrong type naming the item', async () => {
    const core = await testCore();
    const draft = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core) });
    expect(await core.dispatcher.dispatch('assessments.saveDraft', { id: draft.id, answers: { 'RES-1': 'yes' } }, anyone)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const bad = await core.dispatcher.dispatch('evidence.add', { assessmentId: draft.id, itemId: 'ATR-2', name: 'x.exe', mime: 'image/png', dataBase64: Buffer.from('MZ...').toString('base64') }, anyone);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { item: 'ATR-2', reason: 'type' } } });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const added = await call<{ id: string }>(core, 'evidence.add', { assessmentId: draft.id, itemId: 'ATR-2', name: 'photo.png', mime: 'image/png', dataBase64: png.toString('base64') });
    const shown = await call<{ dataUrl: string }>(core, 'evidence.get', { id: added.id });
    expect(shown.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
  });

  it('keeps every valid answer of a save when one is out of range, and holds the bad one flagged with its reason', async () => {
    const core = await testCore();
    const draft = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core), cycle: 2026, assessedOn: '2026-11-20' });
    const answers = { 'RES-1': true, 'RES-3': 3.3, 'PRE-5': 2_000_000, 'VETO-1': true };
    const saved = await call<{ flagged: { item: string; message: string }[] }>(core, 'assessments.saveDraft', { id: draft.id, answers, autosave: true });
    expect(saved.flagged.map((entry) => entry.item).sort()).toEqual(['PRE-5', 'RES-3']);
    const stored = await call<Assessment>(core, 'assessments.get', { id: draft.id });
    expect(stored.answers).toEqual({ 'RES-1': true, 'VETO-1': true });
    expect(stored.details.flagged).toMatchObject({ 'RES-3': { value: 3.3, message: expect.stringContaining('0.5') }, 'PRE-5': { value: 2_000_000 } });
    const preview = await call<{ result: { awardedStars: number; vetoed: boolean }; flagged: { item: string }[] }>(core, 'assessments.preview', { id: draft.id, answers });
    expect(preview.result.vetoed).toBe(true);
    expect(preview.flagged.map((entry) => entry.item).sort()).toEqual(['PRE-5', 'RES-3']);
    const submit = await core.dispatcher.dispatch('assessments.submit', { id: draft.id, answers: { ...fullAnswers(draft.form), 'RES-3': 3.3 } }, asInspector);
    expect(submit).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['answers', 'RES-3'] }] } } });
    // A later good value clears the flag.
    await call(core, 'assessments.saveDraft', { id: draft.id, answers: { ...answers, 'RES-3': 3.5, 'PRE-5': 2 } });
    const fixed = await call<Assessment>(core, 'assessments.get', { id: draft.id });
    expect(fixed.details.flagged).toBeUndefined();
    expect(fixed.answers).toMatchObject({ 'RES-3': 3.5, 'PRE-5': 2 });
  });

  it('searches assessments by status, district, cycle, inspector and unit name, one page at a time with the total', async () => {
    const core = await testCore();
    await call(core, 'demo.load', { units: 60, seed: 3 });
    type Page = { rows: { status: string; cycle: number; unitName: string; districtName: string; inspector: string | null }[]; total: number; cycles: number[]; inspectors: string[] };
    const all = await call<Page>(core, 'assessments.search', { limit: 10 });
    expect(all.rows).toHaveLength(10);
    expect(all.total).toBeGreaterThan(10);
    const signed = await call<Page>(core, 'assessments.search', { statuses: ['signed', 'final'], cycle: all.cycles[0], limit: 200 });
    expect(signed.rows.every((row) => (row.status === 'signed' || row.status === 'final') && row.cycle === all.cycles[0])).toBe(true);
    const second = await call<Page>(core, 'assessments.search', { limit: 10, offset: 10 });
    expect(second.rows[0]).not.toEqual(all.rows[0]);
    const name = all.rows[0]?.unitName.slice(0, 3) as string;
    const byName = await call<Page>(core, 'assessments.search', { text: name, limit: 200 });
    expect(byName.rows.length).toBeGreaterThan(0);
    expect(byName.rows.every((row) => row.unitName.includes(name))).toBe(true);
    const inspector = all.inspectors[0] as string;
    expect((await call<Page>(core, 'assessments.search', { inspector, limit: 200 })).rows.every((row) => row.inspector === inspector)).toBe(true);
    expect((await call<Page>(core, 'assessments.search', { text: '%', limit: 5 })).total).toBe(0);
  });

  it("lists under 我的草稿 only the caller's own drafts, and under 待签发 everything submitted", async () => {
    const core = await testCore();
    const colleague: Caller = { actor: actorWith('张检查员', 'inspector') };
    const mine = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core, { name: '我的单位' }), cycle: 2026, assessedOn: '2026-11-20' }, asInspector);
    const theirs = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core, { name: '同事的单位' }), cycle: 2026, assessedOn: '2026-11-20' }, colleague);
    const submitted = await call<Assessment>(core, 'assessments.start', { unitId: addUnit(core, { name: '已提交的单位' }), cycle: 2026, assessedOn: '2026-11-20' }, colleague);
    await call(core, 'assessments.submit', { id: submitted.id, answers: fullAnswers(submitted.form) }, colleague);
    type Page = { rows: { id: string }[]; total: number };
    const myDrafts = await call<Page>(core, 'assessments.search', { statuses: ['draft'], mine: true }, asInspector);
    expect(myDrafts.rows.map((row) => row.id)).toEqual([mine.id]);
    const theirDrafts = await call<Page>(core, 'assessments.search', { statuses: ['draft'], mine: true }, colleague);
    expect(theirDrafts.rows.map((row) => row.id)).toEqual([theirs.id]);
    const toSign = await call<Page>(core, 'assessments.search', { statuses: ['submitted'] }, asLeader);
    expect(toSign.rows.map((row) => row.id)).toEqual([submitted.id]);
    expect((await call<Page>(core, 'assessments.search', { statuses: ['draft'] }, asLeader)).total).toBe(2);
  });

  it('loads demo data as a job and then summarises it', async () => {
    const core = await testCore();
    expect((await call<{ units: number }>(core, 'home.summary', {})).units).toBe(0);
    const result = await call<{ units: number; assessments: number }>(core, 'demo.load', { units: 60, seed: 3 });
    expect(result.units).toBe(60);
    const summary = await call<{ units: number; byStars: { units: number }[]; drafts: unknown[] }>(core, 'home.summary', {});
    expect(summary.units).toBe(60);
    expect(summary.byStars.reduce((sum, row) => sum + row.units, 0)).toBeGreaterThan(50);
  });
});
