// The assessment workflow: draft → submitted → signed → final, roles, immutability, history-aware stars, corrections.
import { describe, expect, it } from 'vitest';
import {
  discardDraft,
  finalizeAssessment,
  getAssessment,
  previewAssessment,
  reopenAssessment,
  saveDraft,
  signAssessment,
  startAssessment,
  submitAssessment,
  supersedeAssessment,
} from '../../../electron/main/assessments/workflow';
import { addUnit, answersScoring, fixture, fullAnswers, inspector, leader } from './fixtures';
import type { Fixture } from './fixtures';

function unitRow(f: Fixture, id: string) {
  return f.core.services.db.prepare('SELECT current_stars, last_assessed_on, last_veto_on FROM units WHERE id = ?').get(id) as {
    current_stars: number;
    last_assessed_on: string | null;
    last_veto_on: string | null;
  };
}

/** Starts, fills, submits and signs one assessment; returns it. */
function assessAndSign(f: Fixture, unitId: string, cycle: number, assessedOn: string, target: 'five' | 'low' | 'veto') {
  const draft = startAssessment(f.as(inspector), { unitId, cycle, assessedOn });
  submitAssessment(f.as(inspector), { id: draft.id, answers: answersScoring(draft.form, target) });
  return signAssessment(f.as(leader), draft.id);
}

describe('starting and saving drafts', () => {
  it('starts a draft with the pack in force and returns the same open draft for the same unit and cycle', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    const first = startAssessment(f.as(inspector), { unitId });
    expect(first.status).toBe('draft');
    expect(first.rubricId).toBe('wuhan-star@2026.1');
    expect(first.cycle).toBe(2026);
    expect(first.form.map((section) => section.id)).toEqual(['RES', 'ORG', 'RUL', 'PRE', 'ATR', 'STB', 'SAT', 'VETO']);
    const again = startAssessment(f.as(inspector), { unitId, cycle: 2026 });
    expect(again.id).toBe(first.id);
    const otherUnit = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    expect(otherUnit.id).not.toBe(first.id);
  });

  it('shows the delivery add-ons only to a delivery unit', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core, { industry: 'delivery' }) });
    expect(draft.form.find((section) => section.id === 'ADDON')?.items.map((item) => item.id)).toEqual(['DLV-1', 'DLV-2', 'DLV-3', 'DLV-4', 'DLV-5', 'DLV-6']);
  });

  it('saves incomplete answers and keeps them, and holds a wrong answer flagged with the item named instead of refusing the save', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const saved = saveDraft(f.as(inspector), { id: draft.id, answers: { 'RES-1': true, 'RES-3': 3.5 }, autosave: true });
    expect(saved.autosavedAt).not.toBeNull();
    expect(getAssessment(f.deps, draft.id).answers).toEqual({ 'RES-1': true, 'RES-3': 3.5 });
    expect(saveDraft(f.as(inspector), { id: draft.id, answers: { 'RES-1': 3, 'RES-3': 3.5 } }).flagged).toEqual([{ item: 'RES-1', message: expect.stringMatching(/RES-1/) }]);
    expect(getAssessment(f.deps, draft.id)).toMatchObject({ answers: { 'RES-3': 3.5 }, details: { flagged: { 'RES-1': { value: 3 } } } });
    expect(saveDraft(f.as(inspector), { id: draft.id, answers: { 'DLV-1': 100 } }).flagged).toEqual([{ item: 'DLV-1', message: expect.stringMatching(/DLV-1 does not apply/) }]);
  });

  it('previews a live score and says what is missing', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const preview = previewAssessment(f.deps, draft.id, { 'RES-1': true });
    expect(preview.result.total).toBe(4);
    expect(preview.result.complete).toBe(false);
    expect(preview.missing).toContain('RES-2');
    expect(preview.missing).not.toContain('RES-1');
    const full = previewAssessment(f.deps, draft.id, fullAnswers(draft.form));
    expect(full.missing).toEqual([]);
    expect(full.result.total).toBe(100);
  });

  it('counts a survey below the minimum sample as missing', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core, { kind: 'community', households: 2000 }) });
    const sat = draft.form.flatMap((section) => section.items).find((item) => item.id === 'SAT-1');
    expect(sat?.minSample).toBe(100);
    const preview = previewAssessment(f.deps, draft.id, fullAnswers(draft.form, { 'SAT-1': { respondents: 40, safe: 40 } }));
    expect(preview.missing).toEqual(['SAT-1']);
  });

  it('discards a draft but not a signed assessment', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    const draft = startAssessment(f.as(inspector), { unitId });
    expect(discardDraft(f.as(inspector), draft.id)).toBe(true);
    const signed = assessAndSign(f, unitId, 2026, '2026-11-20', 'five');
    expect(() => discardDraft(f.as(leader), signed.id)).toThrow(/immutable/);
  });
});

describe('submitting and signing', () => {
  it('refuses to submit an incomplete draft, naming the missing items', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    expect(() => submitAssessment(f.as(inspector), { id: draft.id, answers: { 'RES-1': true } })).toThrow(/RES-2/);
    expect(getAssessment(f.deps, draft.id).status).toBe('draft');
  });

  it('lets only a team leader sign, then records stars, history and makes it immutable', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    const draft = startAssessment(f.as(inspector), { unitId, assessedOn: '2026-11-20' });
    const submitted = submitAssessment(f.as(inspector), { id: draft.id, answers: fullAnswers(draft.form) });
    expect(submitted.status).toBe('submitted');
    expect(() => signAssessment(f.as(inspector), draft.id)).toThrow(/team leader/);
    const signed = signAssessment(f.as(leader), draft.id);
    expect(signed.status).toBe('signed');
    expect(signed.signedBy).toBe('王组长');
    expect(signed.result?.total).toBe(100);
    // First assessment: previous stars 0, one star up at most.
    expect(signed.awardedStars).toBe(1);
    expect(signed.scoreStars).toBe(5);
    expect(signed.decidedBy).toBe('stepUp');
    expect(unitRow(f, unitId)).toEqual({ current_stars: 1, last_assessed_on: '2026-11-20', last_veto_on: null });
    expect(() => saveDraft(f.as(leader), { id: draft.id, answers: {} })).toThrow(/immutable/);
    expect(() => f.core.services.db.prepare("UPDATE assessments SET answers = '{}' WHERE id = ?").run(draft.id)).toThrow(/immutable/);
    const audit = f.core.services.db.prepare("SELECT action FROM audit_log WHERE subject = ? ORDER BY seq").pluck().all(draft.id);
    expect(audit).toEqual(['assessment.start', 'assessment.submit', 'assessment.sign']);
  });

  it('lets a leader send a submitted assessment back to draft, and finalize a signed one', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    const draft = startAssessment(f.as(inspector), { unitId });
    submitAssessment(f.as(inspector), { id: draft.id, answers: fullAnswers(draft.form) });
    expect(() => reopenAssessment(f.as(inspector), draft.id, 'PRE-3 照片不清楚')).toThrow(/team leader/);
    const sentBack = reopenAssessment(f.as(leader), draft.id, 'PRE-3 照片不清楚，请补拍');
    expect(sentBack).toMatchObject({ status: 'draft', sentBack: { reason: 'PRE-3 照片不清楚，请补拍', by: leader.displayName, at: expect.any(String) } });
    // The inspector reads it with the draft, and the audit log keeps it.
    expect(getAssessment(f.as(inspector), draft.id).sentBack?.reason).toBe('PRE-3 照片不清楚，请补拍');
    const entry = f.core.services.db.prepare("SELECT data FROM audit_log WHERE action = 'assessment.reopen' AND subject = ?").pluck().get(draft.id) as string;
    expect(JSON.parse(entry)).toMatchObject({ reason: 'PRE-3 照片不清楚，请补拍' });
    submitAssessment(f.as(inspector), { id: draft.id });
    signAssessment(f.as(leader), draft.id);
    expect(finalizeAssessment(f.as(leader), draft.id).status).toBe('final');
    expect(() => finalizeAssessment(f.as(leader), draft.id)).toThrow(/immutable/);
  });
});

describe('stars from the unit’s history', () => {
  it('rises one star per cycle and demotes at once', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    expect(assessAndSign(f, unitId, 2024, '2024-11-01', 'five').awardedStars).toBe(1);
    expect(assessAndSign(f, unitId, 2025, '2025-11-01', 'five').awardedStars).toBe(2);
    const third = assessAndSign(f, unitId, 2026, '2026-11-01', 'five');
    expect(third.awardedStars).toBe(3);
    expect(third.result?.trace.length).toBeGreaterThan(0);
    const low = assessAndSign(f, addUnit(f.core), 2026, '2026-11-01', 'low');
    expect(low.awardedStars).toBe(1);
    expect(unitRow(f, unitId).current_stars).toBe(3);
  });

  it('takes previousStars from before the cycle, so a second assessment in a year cannot climb twice', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    assessAndSign(f, unitId, 2025, '2025-11-01', 'five');
    expect(assessAndSign(f, unitId, 2026, '2026-03-01', 'five').awardedStars).toBe(2);
    expect(assessAndSign(f, unitId, 2026, '2026-10-01', 'five').awardedStars).toBe(2);
  });

  it('removes every star on a veto and locks the unit out for 12 months', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    assessAndSign(f, unitId, 2024, '2024-11-01', 'five');
    const vetoed = assessAndSign(f, unitId, 2025, '2025-06-01', 'veto');
    expect(vetoed.awardedStars).toBe(0);
    expect(vetoed.decidedBy).toBe('veto');
    expect(unitRow(f, unitId)).toMatchObject({ current_stars: 0, last_veto_on: '2025-06-01' });
    const locked = assessAndSign(f, unitId, 2026, '2026-03-01', 'five');
    expect(locked.awardedStars).toBe(0);
    expect(locked.decidedBy).toBe('lockout');
    const later = assessAndSign(f, unitId, 2026, '2026-07-01', 'five');
    // Previous stars are those of 2025: 0 after the veto.
    expect(later.awardedStars).toBe(1);
  });
});

describe('corrections', () => {
  it('supersedes a signed assessment with a reason; the correction’s stars replace the old ones', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    assessAndSign(f, unitId, 2025, '2025-11-01', 'five');
    const wrong = assessAndSign(f, unitId, 2026, '2026-11-01', 'veto');
    expect(unitRow(f, unitId).current_stars).toBe(0);
    expect(() => supersedeAssessment(f.as(leader), wrong.id, '')).not.toThrow();
    const correction = getAssessment(f.deps, startAssessment(f.as(inspector), { unitId, cycle: 2026 }).id);
    expect(correction.supersedesId).toBe(wrong.id);
    expect(correction.answers['VETO-1']).toBe(true);
    submitAssessment(f.as(inspector), { id: correction.id, answers: { ...correction.answers, 'VETO-1': false } });
    const signed = signAssessment(f.as(leader), correction.id);
    // The veto being corrected does not lock out its own correction.
    expect(signed.awardedStars).toBe(2);
    expect(unitRow(f, unitId)).toMatchObject({ current_stars: 2, last_veto_on: null });
    expect(getAssessment(f.deps, wrong.id).supersededById).toBe(correction.id);
    expect(() => supersedeAssessment(f.as(leader), wrong.id, 'again')).toThrow(/already corrected/);
  });

  it('refuses to supersede a draft', async () => {
    const f = await fixture();
    const draft = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    expect(() => supersedeAssessment(f.as(leader), draft.id, 'reason')).toThrow(/status is draft/);
  });
});
