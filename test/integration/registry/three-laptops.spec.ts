// Three laptops and a city (issue 17): A and B serve 汉阳区 (420105), C serves 江岸区 (420102).
// Every laptop works from the city's picture: B scores a unit A rated from A's history, a veto
// recorded on A stops B, A's 整改 item shows on B and B's closure reaches the city, a signing on
// an outdated basis is marked, plaque numbers never collide, C gets nothing of 汉阳区, and a
// disagreement between a laptop's own signed history and the city's is held, not applied.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '@shared/api/procedures/assessments';
import { listConflicts } from '../../../electron/main/bundles/conflict-store';
import { listStaleBases } from '../../../electron/main/assessments/stale-basis';
import { cityWorld, newUscc, perfectAnswers, place } from './world';
import type { CityWorld, Place } from './world';

const hanyang = '420105';
const jiangan = '420102';
const vetoed = { ...perfectAnswers(), 'VETO-1': true } as Answers;

/** Three signings, one star up a cycle: the unit holds 三星 after 2025. */
async function rateThreeStars(laptop: Place, unit: string): Promise<void> {
  await laptop.sign(unit, 2023, '2023-11-01');
  await laptop.sign(unit, 2024, '2024-11-01');
  await laptop.sign(unit, 2025, '2025-11-01');
}

function codeOf(laptop: Place): string {
  return laptop.core.services.db.prepare("SELECT value FROM meta WHERE key = 'workstation_code'").pluck().get() as string;
}

describe('three laptops and a city', () => {
  let world: CityWorld;
  let A: Place;
  let B: Place;
  let C: Place;
  const units = {} as { threeStar: string; vetoed: string; stale: string; staleAtB: string; staleSigning: string };

  beforeAll(async () => {
    world = await cityWorld({ A: [hanyang], B: [hanyang], C: [jiangan] });
    ({ A, B, C } = world.laptops as { A: Place; B: Place; C: Place });
    // A's work, sent to the city before anything else: a 三星 unit, a vetoed unit, a 整改 item.
    units.threeStar = await A.unit('汉阳三星物流有限公司', hanyang);
    await rateThreeStars(A, units.threeStar);
    units.vetoed = await A.unit('汉阳否决商贸有限公司', hanyang);
    await A.sign(units.vetoed, 2026, '2026-03-01', vetoed);
    await A.call('rectifications.open', { unitId: units.threeStar, description: '监控室无人值守，补齐值班表', dueOn: '2027-01-31', itemId: 'PRE-1' });
    // A unit B signs before it knows A's history of it: B's signing will rest on an outdated basis.
    const staleUscc = newUscc();
    units.stale = await A.unit('汉阳旧依据制造有限公司', hanyang, staleUscc);
    await rateThreeStars(A, units.stale);
    units.staleAtB = await B.unit('汉阳旧依据制造有限公司', hanyang, staleUscc);
    units.staleSigning = (await B.sign(units.staleAtB, 2026, '2026-10-10')).id;
    await world.city.take(await A.send(world.folder, 'a1'), await B.send(world.folder, 'b0'));
  }, 120_000);

  it('B scores A’s 三星 unit from the city’s history: at most 四星, and its plaque says so with B’s code', async () => {
    const report = (await B.take(await world.cityBundle('for-b')))[0]!;
    expect(report).toMatchObject({ status: 'imported', refused: [] });
    expect(report.added.registry_units).toBeGreaterThanOrEqual(2);
    expect(B.stars(units.threeStar)).toBe(3);
    const signed = await B.sign(units.threeStar, 2026, '2026-11-20');
    expect(signed).toMatchObject({ awardedStars: 4, scoreStars: 5, decidedBy: 'stepUp' });
    const { certificate } = await B.issue(signed.id);
    expect(certificate).toMatchObject({ stars: 4, number: `WH-2026-${hanyang}-${codeOf(B)}0001` });
  });

  it('a veto recorded on A stops B: no stars within twelve months', async () => {
    const signed = await B.sign(units.vetoed, 2026, '2026-11-20');
    expect(signed).toMatchObject({ awardedStars: 0, decidedBy: 'lockout' });
  });

  it('A’s 整改 item shows on B, is closed there, and the closure reaches the city', async () => {
    const items = await B.call('rectifications.listForUnit', { unitId: units.threeStar, includeDone: true });
    expect(items).toMatchObject([{ description: '监控室无人值守，补齐值班表', status: 'open', dueOn: '2027-01-31' }]);
    await B.call('rectifications.close', { id: items[0]!.id, closedOn: '2026-12-01' });
    const [atCity] = await world.city.take(await B.send(world.folder, 'b1'));
    expect(atCity).toMatchObject({ status: 'imported', updated: { rectifications: 1 } });
    expect(atCity!.conflicts.filter((conflict) => conflict.table === 'rectifications')).toEqual([]);
    const cityItems = await world.city.call('rectifications.listForUnit', { unitId: units.threeStar, includeDone: true });
    expect(cityItems).toMatchObject([{ status: 'done', closedOn: '2026-12-01' }]);
  });

  it('marks a signing whose basis the city’s history changed, at the city and on B, with the stars it would get now', async () => {
    const expected = { assessmentId: units.staleSigning, signedPreviousStars: 0, previousStars: 3, signedStars: 1, starsNow: 4, decision: null };
    expect(listStaleBases(world.city.core.services.db, { open: true })).toMatchObject([expected]);
    expect(listStaleBases(B.core.services.db, { open: true })).toMatchObject([expected]);
    // The city's official stars are those of the newest signing all the same: B's 一星 of 2026.
    expect(world.city.stars(units.stale)).toBe(1);
    // The unit page says so, at the city and on B.
    const atCity = await world.city.call('units.get', { id: units.stale });
    expect(atCity.record.staleBases).toMatchObject([{ assessmentId: units.staleSigning, previousStars: 3, starsNow: 4, signedHere: false }]);
  });

  it('re-issues the plaque of a stale signing once a leader on B decides: the correction signs at 四星, the old plaque is revoked', async () => {
    const old = (await B.issue(units.staleSigning)).certificate;
    expect(old.stars).toBe(1);
    const decided = await B.call('registry.decideStale', { assessmentId: units.staleSigning, decision: 'reissue' });
    expect(decided).toMatchObject({ mark: { decision: 'reissue', signedHere: true }, correctionId: expect.any(String) });
    await B.call('assessments.submit', { id: decided.correctionId as string });
    const corrected = await B.call('assessments.sign', { id: decided.correctionId as string });
    expect(corrected).toMatchObject({ awardedStars: 4, supersedesId: units.staleSigning });
    const reissued = (await B.issue(corrected.id)).certificate;
    expect(reissued).toMatchObject({ stars: 4, status: 'valid' });
    expect(reissued.number).not.toBe(old.number);
    expect(await B.call('certificates.get', { id: old.id })).toMatchObject({ status: 'revoked', revocation: { cause: 'superseded' } });
    // The correction replaced the stale signing: nothing is stale any more on B.
    expect(listStaleBases(B.core.services.db, { open: true })).toEqual([]);
  });

  it('never gives two laptops’ plaques in one district and cycle the same number', async () => {
    const aUnit = await A.unit('汉阳甲号商店', hanyang);
    const bUnit = await B.unit('汉阳乙号商店', hanyang);
    await A.take(await world.cityBundle('codes'));
    const aCert = (await A.issue((await A.sign(aUnit, 2026, '2026-11-21')).id)).certificate;
    const bCert = (await B.issue((await B.sign(bUnit, 2026, '2026-11-21')).id)).certificate;
    expect(codeOf(A)).not.toBe(codeOf(B));
    expect(aCert.number).not.toBe(bCert.number);
    const reports = await world.city.take(await A.send(world.folder, 'a2'), await B.send(world.folder, 'b2'));
    expect(reports.map((report) => report.status)).toEqual(['imported', 'imported']);
    const numbers = world.city.core.services.db.prepare('SELECT number FROM certificates').pluck().all() as string[];
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('gives C, which serves 江岸区, none of 汉阳区 and counts what it skipped', async () => {
    const [report] = await C.take(await world.cityBundle('for-c'));
    expect(report).toMatchObject({ status: 'imported', added: {} });
    expect(report!.skipped.registry_units).toBeGreaterThan(0);
    expect(report!.skipped.registry_history).toBeGreaterThan(0);
    expect(C.unitIdOf('汉阳三星物流有限公司')).toBeUndefined();
    expect(C.core.services.db.prepare('SELECT count(*) FROM city_star_history').pluck().get()).toBe(0);
  });

  it('holds a rating of a unit A and B both rated in one cycle, at the city and on B, and applies neither silently', async () => {
    const uscc = newUscc();
    const unit = await A.unit('汉阳双评定酒店', hanyang, uscc);
    await rateThreeStars(A, unit);
    await world.city.take(await A.send(world.folder, 'a3'));
    // B rated its own copy of the same unit (same USCC) in 2025 and got 一星: it knew nothing.
    const atB = await B.unit('汉阳双评定酒店', hanyang, uscc);
    const bRating = await B.sign(atB, 2025, '2025-12-01');
    expect(bRating.awardedStars).toBe(1);
    const [atCity] = await world.city.take(await B.send(world.folder, 'b3'));
    expect(atCity!.conflicts).toMatchObject([{ table: 'ratings' }]);
    // The official stars stay A's.
    expect(world.city.stars(unit)).toBe(3);
    // On B: the city's 2025 row (三星) disagrees with B's own 2025 row (一星): held, not applied.
    const [back] = await B.take(await world.cityBundle('twice'));
    expect(back!.conflicts).toMatchObject([{ table: 'city_history' }]);
    expect(B.stars(atB)).toBe(1);
    const held = listConflicts(B.core.services.db).find((conflict) => conflict.table === 'city_history' && conflict.incoming.unit_id === atB)!;
    expect(held.incoming).toMatchObject({ cycle: 2025, stars: 3 });
    expect(held.local).toMatchObject({ cycle: 2025, stars: 1 });
    // A person on B takes the city's: the unit holds 三星 there too.
    await B.call('bundles.resolveConflict', { id: held.id, keep: 'take-incoming' });
    expect(B.stars(atB)).toBe(3);
  });

  it('lets a replaced laptop carry on from one city bundle: A is lost, D is enrolled for 汉阳区 and has the whole picture', async () => {
    const signedByA = A.core.services.db.prepare("SELECT id FROM assessments WHERE unit_id = ? AND cycle = 2025 AND status IN ('signed', 'final')").pluck().get(units.threeStar) as string;
    const plaqueOfA = (await A.issue(signedByA)).certificate;
    world.city.revoke(A);
    const D = await place('D');
    await world.city.call('trust.add', { identityJson: JSON.stringify(D.identity), districts: [hanyang] });
    D.enrollCity(world.city);
    const [report] = await D.take(await world.cityBundle('for-d'));
    expect(report).toMatchObject({ status: 'imported', refused: [] });
    const cityUnits = world.city.core.services.db.prepare("SELECT count(*) FROM units WHERE district_code = '420105'").pluck().get() as number;
    expect(D.core.services.db.prepare("SELECT count(*) FROM units WHERE district_code = '420105'").pluck().get()).toBe(cityUnits);
    // B's 2026 四星 of the unit A rated: D scores 2027 from it, and may give 五星.
    expect(D.stars(units.threeStar)).toBe(4);
    const signed = await D.sign(units.threeStar, 2027, '2027-03-01');
    expect(signed).toMatchObject({ awardedStars: 5 });
    // The 整改 item A opened and B closed is there, closed; D's plaques carry D's own code.
    expect(await D.call('rectifications.listForUnit', { unitId: units.threeStar, includeDone: true })).toMatchObject([{ status: 'done', closedOn: '2026-12-01' }]);
    const { certificate } = await D.issue(signed.id);
    expect(certificate.number).toBe(`WH-2027-${hanyang}-${codeOf(D)}0001`);
    expect([codeOf(A), codeOf(B)]).not.toContain(codeOf(D));
    // The lost laptop's plaque: D knows from the city's roster that A was revoked, and says so.
    const verified = await D.call('certificates.verifyQr', { text: plaqueOfA.qrPayload });
    expect(verified).toMatchObject({ valid: false, verdict: 'revoked', certificate: null, claimed: { number: plaqueOfA.number } });
    expect(verified.message).toMatch(/工作站 A 已被撤销信任.*lost laptop/);
  });
});
