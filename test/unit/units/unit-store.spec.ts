// The unit store's batch writer: the rows insertUnit writes one by one, in one statement, all or none.
import { describe, expect, it } from 'vitest';
import { ensureStreet, insertUnit, insertUnits, unitsPerStatement } from '../../../electron/main/units/unit-store';
import type { NewUnitRow } from '../../../electron/main/units/unit-store';
import { testCore } from '../../helpers/core';

const createdAt = '2026-11-20T09:00:00.000Z';

function unit(index: number, fields: Partial<NewUnitRow> = {}): NewUnitRow {
  return {
    id: `unit-${index}`, workstationId: 'ws-a', name: `汉阳${index}号公司`, kind: 'enterprise', industry: null, districtCode: '420105', streetId: null, address: null,
    uscc: null, households: null, contact: null, phone: null, inScope: true, createdAt, ...fields,
  };
}

async function database() {
  return (await testCore()).services.db;
}

const rowsOf = (db: Awaited<ReturnType<typeof database>>) => db.prepare('SELECT * FROM units ORDER BY id').all() as Record<string, unknown>[];

describe('insertUnits', () => {
  it('writes each unit as insertUnit writes it: sort key, scope, stars, street, counts', async () => {
    const [one, batch] = [await database(), await database()];
    const units = (db: typeof one) => [
      unit(1, { uscc: '91420105MA4K000001', industry: '制造业', address: '汉阳大道1号', households: 12, contact: '张三', phone: '027-1', streetId: ensureStreet(db, '420105', '四新街道').id, stars: { current: 4, lastAssessedOn: '2026-11-01', lastVetoOn: null } }),
      unit(2, { name: 'ABC 汉阳公司', kind: 'community', inScope: false }),
      unit(3, { stars: { current: 0, lastAssessedOn: '2026-10-01', lastVetoOn: '2026-10-01' } }),
    ];
    one.transaction(() => {
      for (const row of units(one)) insertUnit(one, row);
    }).immediate();
    batch.transaction(() => insertUnits(batch, units(batch))).immediate();
    const streetName = (db: typeof one) => (row: Record<string, unknown>) => ({ ...row, street_id: row.street_id === null ? null : db.prepare('SELECT name FROM streets WHERE id = ?').pluck().get(row.street_id) });
    expect(rowsOf(batch).map(streetName(batch))).toEqual(rowsOf(one).map(streetName(one)));
    expect(rowsOf(batch)[1]).toMatchObject({ name_sort: expect.stringMatching(/^abc +han yang gong si$/), in_scope: 0 });
    const counts = (db: typeof one) => db.prepare('SELECT * FROM unit_scope_counts ORDER BY district_code, kind').all();
    expect(counts(batch)).toEqual(counts(one));
  });

  it('writes none of the units when the database refuses one, and throws its error', async () => {
    const db = await database();
    const units = [unit(1), unit(2, { kind: 'shop' }), unit(3)];
    expect(() => db.transaction(() => insertUnits(db, units)).immediate()).toThrow(/CHECK/);
    expect(rowsOf(db)).toEqual([]);
    db.transaction(() => {
      insertUnit(db, unit(9, { name: '汉阳1号公司' }));
      expect(() => insertUnits(db, [unit(1), unit(2)])).toThrow(/UNIQUE/);
    }).immediate();
    expect(rowsOf(db).map((row) => row.id)).toEqual(['unit-9']);
  });

  it(`takes at most ${unitsPerStatement} units at a time (SQLite's parameter limit), writing none of more`, async () => {
    const db = await database();
    const units = Array.from({ length: unitsPerStatement + 1 }, (_, index) => unit(index));
    expect(() => db.transaction(() => insertUnits(db, units)).immediate()).toThrow(new RangeError(`insertUnits takes at most ${unitsPerStatement} units at a time, not ${unitsPerStatement + 1}`));
    expect(rowsOf(db)).toEqual([]);
    db.transaction(() => insertUnits(db, units.slice(0, unitsPerStatement))).immediate();
    expect(rowsOf(db)).toHaveLength(unitsPerStatement);
  });
});
