// Bundles between several workstations: everything arrives once, re-imports add nothing,
// incremental exports carry only what changed, gaps in the sequence are reported, the same unit
// registered on two laptops is linked, and records changed on two sides are held for a person.
import { describe, expect, it } from 'vitest';
import { updateUnitFacts } from '../../../electron/main/units/unit-store';
import { listConflicts } from '../../../electron/main/bundles/conflict-store';
import { resolveConflict } from '../../../electron/main/bundles/resolve-conflict';
import { listImports } from '../../../electron/main/bundles/bundle-history';
import { dir, file, now, station } from './world';
import type { Station } from './world';
import { newUscc } from '../certificates/world';

function unitRow(s: Station, id: string): Record<string, unknown> {
  return s.core.services.db.prepare('SELECT * FROM units WHERE id = ?').get(id) as Record<string, unknown>;
}

function renameUnit(s: Station, id: string, name: string): void {
  const db = s.core.services.db;
  const row = unitRow(s, id);
  db.transaction(() =>
    updateUnitFacts(db, id, { name, kind: row.kind as string, industry: row.industry as string | null, districtCode: row.district_code as string, streetId: row.street_id as string | null, address: row.address as string | null, uscc: row.uscc as string | null, households: row.households as number | null, contact: row.contact as string | null, phone: row.phone as string | null, inScope: row.in_scope === 1 }, now.toISOString()),
  ).immediate();
}

function unitOf(s: Station, assessmentId: string): string {
  return s.core.services.db.prepare('SELECT unit_id FROM assessments WHERE id = ?').pluck().get(assessmentId) as string;
}

describe('bundles between workstations', () => {
  it('merges two laptops’ work at the city office once, with stars, and a re-import adds nothing', async () => {
    const [a, b, city] = [await station(), await station(), await station()];
    city.enroll(a);
    city.enroll(b);
    const fromA = [a.assess({ name: '甲公司' }), a.assess({ name: '乙公司' })];
    const fromB = [b.assess({ name: '丙公司', district: '420106' })];
    const folder = dir();
    const exportA = await a.exportTo(file(folder, 'a.dxb'));
    await b.exportTo(file(folder, 'b.dxb'));
    expect(exportA).toMatchObject({ sequence: 1, full: false, counts: { units: 2, assessments: 2 } });

    const first = await city.importFrom(file(folder, 'a.dxb'));
    expect(first).toMatchObject({ status: 'imported', sequence: 1, source: { workstationId: a.identity.workstationId }, added: { units: 2, assessments: 2 }, conflicts: [], refused: [], sequenceGaps: [] });
    expect((await city.importFrom(file(folder, 'b.dxb'))).added).toMatchObject({ units: 1, assessments: 1 });

    const db = city.core.services.db;
    for (const id of [...fromA, ...fromB]) expect(db.prepare('SELECT status FROM assessments WHERE id = ?').pluck().get(id)).toBe('final');
    const starsAtA = unitRow(a, unitOf(a, fromA[0]!)).current_stars;
    expect(starsAtA).toBeGreaterThan(0);
    expect(unitRow(city, unitOf(a, fromA[0]!)).current_stars).toBe(starsAtA);

    const before = city.snapshot();
    const again = await city.importFrom(file(folder, 'a.dxb'));
    expect(again.added).toEqual({});
    expect(again.alreadyPresent).toMatchObject({ units: 2, assessments: 2 });
    expect(city.snapshot()).toEqual(before);
    expect(listImports(db).map((report) => report.status)).toEqual(['imported', 'imported', 'imported']);
    // What arrived is the laptops' work: the city office's own export does not send it back.
    const own = await city.exportTo(file(folder, 'city.dxb'));
    expect(own.counts).toMatchObject({ units: 0, assessments: 0, unit_star_history: 0 });
  });

  it('exports only what changed since the last export and reports a missing sequence number', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const folder = dir();
    a.assess({ name: '一号公司' });
    await a.exportTo(file(folder, '1.dxb'));
    a.assess({ name: '二号公司' });
    const second = await a.exportTo(file(folder, '2.dxb'));
    expect(second.counts).toMatchObject({ units: 1, assessments: 1 });
    a.assess({ name: '三号公司' });
    await a.exportTo(file(folder, '3.dxb'));

    await city.importFrom(file(folder, '1.dxb'));
    // Bundle 2 carries the audit entries between 1's and 3's: 3 waits for it (the chain is held head to head).
    const early = await city.importFrom(file(folder, '3.dxb'));
    expect(early).toMatchObject({ status: 'refused', refused: [{ reasonEn: expect.stringMatching(/bundle 2 of this workstation has not been imported/) }] });
    expect(await city.importFrom(file(folder, '2.dxb'))).toMatchObject({ status: 'imported', sequenceGaps: [] });
    expect(await city.importFrom(file(folder, '3.dxb'))).toMatchObject({ status: 'imported', sequenceGaps: [] });
    expect(city.core.services.db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(3);

    // A lost bundle is made good by a full export, which carries the whole chain; the gap in numbers is reported.
    a.assess({ name: '四号公司' });
    await a.exportTo(file(folder, '4.dxb'));
    const full = await a.exportTo(file(folder, 'full.dxb'), true);
    expect(full).toMatchObject({ sequence: 5, full: true, counts: { units: 4, assessments: 4 } });
    expect(await city.importFrom(file(folder, 'full.dxb'))).toMatchObject({ status: 'imported', sequenceGaps: [4] });
  });

  it('links the same unit registered on two laptops (same USCC; same district and name) instead of duplicating it', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const uscc = newUscc();
    const here = city.assess({ name: '城市登记公司', uscc });
    const hereByName = city.assess({ name: '同名公司', uscc: null });
    const there = a.assess({ name: '笔记本登记公司', uscc });
    const thereByName = a.assess({ name: '同名公司', uscc: null });
    const folder = dir();
    await a.exportTo(file(folder, 'a.dxb'));
    const report = await city.importFrom(file(folder, 'a.dxb'));
    expect(report.linked).toEqual(
      expect.arrayContaining([
        { aliasId: unitOf(a, there), unitId: unitOf(city, here), name: '笔记本登记公司', by: 'uscc' },
        { aliasId: unitOf(a, thereByName), unitId: unitOf(city, hereByName), name: '同名公司', by: 'district-name' },
      ]),
    );
    const db = city.core.services.db;
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(2);
    expect(unitOf(city, there)).toBe(unitOf(city, here));
    expect(db.prepare('SELECT count(*) FROM assessments WHERE unit_id = ?').pluck().get(unitOf(city, here))).toBe(2);
  });

  it('applies a newer version nobody changed here, and holds one changed on both sides until a person resolves it', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const unit = unitOf(a, a.assess({ name: '原名公司' }));
    const folder = dir();
    await a.exportTo(file(folder, '1.dxb'));
    await city.importFrom(file(folder, '1.dxb'));

    renameUnit(a, unit, '改名公司');
    await a.exportTo(file(folder, '2.dxb'));
    expect((await city.importFrom(file(folder, '2.dxb'))).updated).toEqual({ units: 1 });
    expect(unitRow(city, unit).name).toBe('改名公司');

    renameUnit(a, unit, '笔记本改的名');
    renameUnit(city, unit, '市里改的名');
    await a.exportTo(file(folder, '3.dxb'));
    const third = await city.importFrom(file(folder, '3.dxb'));
    expect(third.conflicts).toEqual([expect.objectContaining({ table: 'units', recordId: unit })]);
    expect(unitRow(city, unit).name).toBe('市里改的名');
    const [held] = listConflicts(city.core.services.db);
    expect(held).toMatchObject({ local: { name: '市里改的名' }, incoming: { name: '笔记本改的名' }, status: 'open' });

    const again = await city.importFrom(file(folder, '3.dxb'));
    expect(listConflicts(city.core.services.db)).toHaveLength(1);
    expect(again.conflicts).toHaveLength(1);

    const resolved = resolveConflict(city.core.services.db, city.core.services.workstation.id, held!.id, 'take-incoming', 'user-1', now);
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'take-incoming', resolvedBy: 'user-1' });
    expect(unitRow(city, unit).name).toBe('笔记本改的名');
    const audit = city.core.services.db.prepare("SELECT actor, data FROM audit_log WHERE action = 'bundle.conflict.resolve'").get() as { actor: string; data: string };
    expect(audit.actor).toBe('user-1');
    expect(JSON.parse(audit.data)).toMatchObject({ resolution: 'take-incoming', table: 'units' });
    expect(() => resolveConflict(city.core.services.db, city.core.services.workstation.id, held!.id, 'keep-local', 'user-1', now)).toThrow(/resolved/);
  });

  it('holds a signed assessment that arrives different from the signed one here; keeping the local one is recorded', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    a.assess({ name: '签名公司' });
    const folder = dir();
    await a.exportTo(file(folder, '1.dxb'));
    await city.importFrom(file(folder, '1.dxb'));
    // The same id, changed after signing (as a tampering laptop would send it), is never applied.
    const db = a.core.services.db;
    db.exec('DROP TRIGGER assessments_signed_immutable');
    db.prepare("UPDATE assessments SET total = 12.5").run();
    await a.exportTo(file(folder, '2.dxb'));
    const report = await city.importFrom(file(folder, '2.dxb'));
    expect(report.conflicts).toEqual([expect.objectContaining({ table: 'assessments' })]);
    const [held] = listConflicts(city.core.services.db);
    expect(() => resolveConflict(city.core.services.db, city.core.services.workstation.id, held!.id, 'take-incoming', 'user-1', now)).toThrow(/cannot be taken/);
    expect(resolveConflict(city.core.services.db, city.core.services.workstation.id, held!.id, 'keep-local', 'user-1', now).resolution).toBe('keep-local');
    expect((await city.importFrom(file(folder, '2.dxb'))).conflicts).toEqual([]);
  });
});
