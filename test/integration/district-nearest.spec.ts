// 最接近升星的单位: a unit whose total already reaches the next star is not "0 points short"; the dashboard names the
// rule that held it back (逐级, a condition, a gate), and lists the units that really lack points with their gap.
import { describe, expect, it } from 'vitest';
import { contextOf } from '../helpers/context';
import { importAssessmentDocuments } from '../../electron/main/assessments/import-documents';
import { districtDashboard } from '../../electron/main/ding/district-dashboard';
import { cliActor } from '../../electron/main/cli/cli-actor';
import { testCore } from '../helpers/core';
import { assessmentDocument } from './certificates/world';

describe('units nearest their next star', () => {
  it('says a unit at its threshold is held by 逐级, and gives the others their gap', async () => {
    const core = await testCore();
    const ctx = contextOf(core, cliActor(), () => new Date('2026-12-01T10:00:00Z'));
    // Full marks, two stars before: the engine awards three (one a cycle), though the total reaches five.
    const [held, short] = importAssessmentDocuments(ctx, [
      { source: 'held.json', json: assessmentDocument({ name: '逐级限制公司', previousStars: 2 }) },
      { source: 'short.json', json: assessmentDocument({ name: '差几分公司', previousStars: 2, answers: { 'PRE-3': 0, 'PRE-5': 5 } }) },
    ]);
    const dashboard = districtDashboard(core.services.db, '420105', 2026, '2026-12-01');
    const heldUnit = dashboard.nearestNextStar.find((unit) => unit.name === '逐级限制公司');
    const shortUnit = dashboard.nearestNextStar.find((unit) => unit.name === '差几分公司');
    expect(held && short).toBeTruthy();
    expect(heldUnit).toMatchObject({ stars: 3, nextStars: 4, gap: 0, heldBy: 'stepUp' });
    expect(shortUnit).toMatchObject({ heldBy: null });
    expect(shortUnit?.gap).toBeGreaterThan(0);
  });
});
