// Rectifications: due and overdue on a given day, closing, and the home page's counts.
import { describe, expect, it } from 'vitest';
import { homeSummary } from '../../../electron/main/assessments/home-summary';
import { addDays, closeRectification, isOverdue, listDue, listRectificationsForUnit, openRectification } from '../../../electron/main/assessments/rectifications';
import { startAssessment } from '../../../electron/main/assessments/workflow';
import { addUnit, fixture, inspector } from './fixtures';

describe('rectification dates', () => {
  it('is overdue only when open and past its due date', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-28' }, '2026-11-29')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-11-29' }, '2026-11-29')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-11-29')).toBe(false);
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});

describe('rectifications', () => {
  it('lists overdue and due-soon open rectifications, and forgets closed ones', async () => {
    const f = await fixture();
    f.setNow('2026-11-29T09:00:00');
    const unitId = addUnit(f.core, { name: '江汉测试社区', kind: 'community', households: 900 });
    const overdue = openRectification(f.as(inspector), { unitId, description: '消防通道堵塞', dueOn: '2026-11-20', itemId: 'PRE-5' });
    openRectification(f.as(inspector), { unitId, description: '监控盲区', dueOn: '2026-12-05', owner: '物业' });
    openRectification(f.as(inspector), { unitId, description: '台账补齐', dueOn: '2027-03-01' });
    expect(overdue.overdue).toBe(true);
    const due = listDue(f.deps, '2026-11-29', 14);
    expect(due.overdue.map((entry) => entry.description)).toEqual(['消防通道堵塞']);
    expect(due.due.map((entry) => entry.description)).toEqual(['监控盲区']);
    const summary = homeSummary(f.deps);
    expect(summary.rectificationsOverdue).toBe(1);
    expect(summary.rectificationsDue).toHaveLength(2);
    const closed = closeRectification(f.as(inspector), { id: overdue.id, closedOn: '2026-11-29' });
    expect(closed).toMatchObject({ status: 'done', closedOn: '2026-11-29', overdue: false });
    expect(() => closeRectification(f.as(inspector), { id: overdue.id })).toThrow(/already closed/);
    expect(listDue(f.deps, '2026-11-29', 14).overdue).toEqual([]);
    expect(listRectificationsForUnit(f.deps, unitId, false)).toHaveLength(2);
    expect(listRectificationsForUnit(f.deps, unitId)).toHaveLength(3);
  });

  it('links a rectification to the follow-up assessment that checked it', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core);
    const rectification = openRectification(f.as(inspector), { unitId, description: '隐患整改', dueOn: '2026-12-31' });
    const followUp = startAssessment(f.as(inspector), { unitId });
    expect(closeRectification(f.as(inspector), { id: rectification.id, followUpAssessmentId: followUp.id }).followUpAssessmentId).toBe(followUp.id);
    const otherUnit = startAssessment(f.as(inspector), { unitId: addUnit(f.core) });
    const second = openRectification(f.as(inspector), { unitId, description: '另一项', dueOn: '2026-12-31' });
    expect(() => closeRectification(f.as(inspector), { id: second.id, followUpAssessmentId: otherUnit.id })).toThrow(/another unit/);
  });
});

describe('home summary', () => {
  it('counts in-scope units by stars and district and lists open drafts', async () => {
    const f = await fixture();
    const unitId = addUnit(f.core, { district: '420102' });
    addUnit(f.core, { district: '420102' });
    startAssessment(f.as(inspector), { unitId });
    const summary = homeSummary(f.deps);
    expect(summary.units).toBe(2);
    expect(summary.byStars).toHaveLength(6);
    expect(summary.byStars[0]).toEqual({ stars: 0, units: 2 });
    expect(summary.byDistrict).toHaveLength(15);
    expect(summary.byDistrict.find((row) => row.code === '420102')).toMatchObject({ units: 2, starred: 0 });
    expect(summary.drafts.map((draft) => draft.unitId)).toEqual([unitId]);
  });
});
