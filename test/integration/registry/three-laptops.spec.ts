// Three laptops and a city (issue 17): A and B serve 汉阳区 (420105), C serves 江岸区 (420102).
// Every laptop works from the city's picture: B scores a unit A rated from A's history, a veto
// recorded on A stops B, A's 整改 item shows on B and B's closure reaches the city, a signing on
// an outdated basis is marked, plaque numbers never collide, and C gets nothing of 汉阳区.
import { describe, expect, it } from 'vitest';
import type { Answers } from '@shared/api/procedures/assessments';
import { cityWorld, perfectAnswers } from './world';

const hanyang = '420105';
const jiangan = '420102';
const vetoed = { ...perfectAnswers(), 'VETO-1': true } as Answers;

describe('three laptops and a city', () => {
  it('B scores a unit A rated 三星 from the city’s history: at most 四星, and its plaque says so', async () => {
    const world = await cityWorld({ A: [hanyang], B: [hanyang], C: [jiangan] });
    const { A, B } = world.laptops;
    const unit = await A.unit('汉阳三星物流有限公司', hanyang);
    // 2025: A rates it 三星 (from a paper 二星? no: three signings, one star up each cycle).
    await A.sign(unit, 2023, '2023-11-01');
    await A.sign(unit, 2024, '2024-11-01');
    const a2025 = await A.sign(unit, 2025, '2025-11-01');
    expect(a2025.awardedStars).toBe(3);
    await world.city.take(await A.send(world.folder, '1'));
    expect(world.city.stars(unit)).toBe(3);

    const report = (await B.take(await world.cityBundle('for-b')))[0]!;
    expect(report).toMatchObject({ status: 'imported', added: { registry_units: 1, registry_history: 3 } });
    expect(B.stars(unit)).toBe(3);
    const b2026 = await B.sign(unit, 2026, '2026-11-20');
    expect(b2026).toMatchObject({ awardedStars: 4, scoreStars: 5, decidedBy: 'stepUp' });
    const { certificate } = await B.issue(b2026.id);
    expect(certificate.stars).toBe(4);
    const code = B.core.services.db.prepare("SELECT value FROM meta WHERE key = 'workstation_code'").pluck().get() as string;
    expect(certificate.number).toBe(`WH-2026-${hanyang}-${code}0001`);
  });
});
