// New units arrive written many to a statement: what the merge decides for each unit line stays
// what it decided line by line (a second line for a unit already in the bundle is linked to the
// first), and a bundle of more units than one statement holds arrives whole.
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../../electron/main/platform/ids';
import { unitsPerStatement } from '../../../electron/main/units/unit-store';
import { newUscc } from '../certificates/world';
import { dir, file, jsonLines, rebuild, station, toJsonLines } from './world';
import type { Station } from './world';

let a: Station;
let folder: string;
let good: string;

beforeAll(async () => {
  a = await station();
  a.assess({ name: '一号公司', uscc: newUscc() });
  a.assess({ name: '二号公司', uscc: newUscc() });
  a.assess({ name: '三号公司', uscc: null });
  folder = dir();
  good = file(folder, 'good.dxb');
  await a.exportTo(good);
});

type Line = Record<string, unknown>;

/** The bundle with its unit lines changed by `change` (re-signed by the laptop, counts made to fit). */
async function withUnits(name: string, change: (units: Line[]) => Line[]): Promise<string> {
  const target = file(folder, name);
  let count = 0;
  await rebuild(good, target, a.signer, {
    entries: (entries) =>
      entries.map((entry) => {
        if (entry.name !== 'records/units.jsonl') return entry;
        const units = change(jsonLines(entry.bytes));
        count = units.length;
        return { ...entry, bytes: toJsonLines(units) };
      }),
    manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, units: count } }),
  });
  return target;
}

async function cityOf(): Promise<Station> {
  const city = await station();
  city.enroll(a);
  return city;
}

const unitCount = (s: Station) => s.core.services.db.prepare('SELECT count(*) FROM units').pluck().get() as number;

describe('new units written many to a statement', () => {
  it('links a unit line to a unit earlier in the same bundle (same district and name; same USCC), as line by line', async () => {
    const bundle = await withUnits('twice.dxb', (units) => {
      const [first, second, third] = units as [Line, Line, Line];
      return [first, second, third, { ...first, id: newId(), uscc: null }, { ...second, id: newId(), name: '二号公司（分部）' }, { ...third, id: newId() }];
    });
    const city = await cityOf();
    const report = await city.importFrom(bundle);
    expect(report).toMatchObject({ status: 'imported', conflicts: [], added: { units: 3 } });
    expect(report.linked.map(({ name, by }) => ({ name, by }))).toEqual([
      { name: '一号公司', by: 'district-name' },
      { name: '二号公司（分部）', by: 'uscc' },
      { name: '三号公司', by: 'district-name' },
    ]);
    expect(unitCount(city)).toBe(3);
  });

  it(`adds a bundle of more units than one statement holds (${unitsPerStatement}), every one with its facts`, async () => {
    const total = unitsPerStatement * 2 + 7;
    const bundle = await withUnits('many.dxb', (units) => {
      const template = units[0] as Line;
      const extra = Array.from({ length: total - units.length }, (_, index) => ({ ...template, id: newId(), name: `批量单位${index}`, uscc: null, street: index % 2 === 0 ? '四新街道' : null, households: index }));
      return [...units, ...extra];
    });
    const city = await cityOf();
    const report = await city.importFrom(bundle);
    expect(report).toMatchObject({ status: 'imported', conflicts: [], linked: [], added: { units: total } });
    const db = city.core.services.db;
    expect(unitCount(city)).toBe(total);
    expect(db.prepare("SELECT u.households, s.name AS street, u.name_sort FROM units u LEFT JOIN streets s ON s.id = u.street_id WHERE u.name = '批量单位1000'").get()).toEqual({ households: 1000, street: '四新街道', name_sort: 'pi liang dan wei 1000' });
    expect(db.prepare('SELECT count(*) FROM record_versions WHERE table_name = ?').pluck().get('units')).toBe(total);
    // The triggers ran for every row of a statement: the district counts hold every unit in scope.
    expect(db.prepare('SELECT sum(in_scope_units) FROM unit_scope_counts').pluck().get()).toBe(db.prepare('SELECT count(*) FROM units WHERE in_scope = 1').pluck().get());
  });
});
