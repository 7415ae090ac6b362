// The inspection plan (issue 17 item 8): the city office imports a plan file naming units by USCC
// or by district and name and workstations by name, id or code; a file with an unknown unit or
// workstation is refused whole with the line; the plan travels in the city bundle; a laptop sees
// its own entries (to do, done, overdue), an assessment outside its plan is marked, and the city
// sees the progress by district and workstation once the laptop's bundle arrives.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanEntry } from '@shared/api/procedures/plan';
import { cli } from '../../helpers/cli';
import { cityWorld, newUscc } from './world';
import type { CityWorld, Place } from './world';

const hanyang = '420105';
const jiangan = '420102';

function csv(folder: string, name: string, rows: string[][]): string {
  const file = path.join(folder, name);
  fs.writeFileSync(file, `${rows.map((row) => row.join(',')).join('\n')}\n`);
  return file;
}

describe('the inspection plan', () => {
  let world: CityWorld;
  let A: Place;
  let C: Place;
  const uscc = { first: newUscc(), second: newUscc() };
  let db: string;

  beforeAll(async () => {
    world = await cityWorld({ A: [hanyang], C: [jiangan] });
    ({ A, C } = world.laptops as { A: Place; C: Place });
    await world.city.unit('汉阳计划一号公司', hanyang, uscc.first);
    await world.city.unit('汉阳计划二号公司', hanyang, uscc.second);
    await world.city.unit('江岸计划公司', jiangan);
    await world.city.unit('汉阳计划外公司', hanyang);
    db = world.city.core.services.dbFile;
  }, 120_000);

  it('refuses a plan naming an unknown unit or workstation, whole, naming each line, and writes nothing', async () => {
    const file = csv(world.folder, 'bad-plan.csv', [
      ['年度', '统一社会信用代码', '区', '单位名称', '工作站', '截止日期'],
      ['2026', uscc.first, '', '', 'A', '2026-10-31'],
      ['2026', '', '汉阳区', '没有这个单位', 'A', '2026-10-31'],
      ['2026', uscc.second, '', '', '不存在的工作站', '2026-10-31'],
      ['2026', '', '江岸区', '江岸计划公司', 'C', '2026-02-30'],
    ]);
    const refused = await cli('plan', 'import', file, '--db', db, '--json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/第 3 行（单位名称）：未知的单位：汉阳区没有名为“没有这个单位”的单位/);
    expect(refused.json<{ errors: { line: number; column: string; messageEn: string }[] }>().errors).toEqual([
      expect.objectContaining({ line: 3, column: '单位名称', messageEn: expect.stringMatching(/unknown unit/) }),
      expect.objectContaining({ line: 4, column: '工作站', messageEn: expect.stringMatching(/unknown workstation "不存在的工作站"/) }),
      expect.objectContaining({ line: 5, column: '截止日期', messageEn: expect.stringMatching(/not a date/) }),
    ]);
    expect((await cli('plan', 'list', '--db', db, '--json')).json()).toEqual([]);
  });

  it('imports a plan by USCC or district and name, for workstations by name, id or code, and lists it', async () => {
    const file = csv(world.folder, 'plan.csv', [
      ['年度', '统一社会信用代码', '区', '单位名称', '工作站', '截止日期'],
      ['2026', uscc.first, '', '', 'A', '2026-10-31'],
      ['2026', '', '汉阳区', '汉阳计划二号公司', A.identity.workstationId, '2026/11/15'],
      ['2026', '', '420102', '江岸计划公司', 'ab', '2026-11-30'],
    ]);
    const imported = await cli('plan', 'import', file, '--db', db, '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toEqual({ rows: 3, added: 3, updated: 0, unchanged: 0, cycles: [2026] });
    const listed = await cli('plan', 'list', '--workstation', 'A', '--cycle', '2026', '--db', db, '--json');
    expect(listed.json<PlanEntry[]>().map((entry) => [entry.unitName, entry.assigneeName, entry.dueOn])).toEqual([
      ['汉阳计划一号公司', 'A', '2026-10-31'],
      ['汉阳计划二号公司', 'A', '2026-11-15'],
    ]);
    expect((await cli('plan', 'list', '--db', db)).stdout).toMatch(/江岸计划公司\s+江岸区\s+C\s+2026-11-30/);
    // C was enrolled second, so the city gave it the code AB.
    const byCode = await cli('plan', 'list', '--workstation', 'AB', '--db', db, '--json');
    expect(byCode.json<PlanEntry[]>().map((entry) => [entry.unitName, entry.assigneeName])).toEqual([['江岸计划公司', 'C']]);
  });

  it('refuses to list the plan of a workstation it does not know, naming it, instead of an empty list', async () => {
    const unknown = await cli('plan', 'list', '--workstation', '不存在的工作站', '--db', db, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/未知的工作站“不存在的工作站”/);
    expect(unknown.stderr).toMatch(/unknown workstation "不存在的工作站"/);
  });

  it('travels to the laptops: each sees its own entries, done once assessed; an assessment outside the plan is marked', async () => {
    const [report] = await A.take(await world.cityBundle('plan'));
    expect(report).toMatchObject({ status: 'imported', added: { plan: 2 }, skipped: { plan: 1 } });
    const mine = await A.call('plan.list', { mine: true, cycle: 2026 });
    expect(mine.entries.map((entry) => [entry.unitName, entry.status])).toEqual([
      ['汉阳计划一号公司', 'overdue'],
      ['汉阳计划二号公司', 'overdue'],
    ]);
    const first = A.unitIdOf('汉阳计划一号公司') as string;
    const signed = await A.sign(first, 2026, '2026-10-20');
    expect(signed.outsidePlan).toBe(false);
    const outside = await A.sign(A.unitIdOf('汉阳计划外公司') as string, 2026, '2026-10-21');
    expect(outside.outsidePlan).toBe(true);
    expect((await A.call('plan.list', { mine: true, cycle: 2026 })).entries.map((entry) => [entry.status, entry.doneOn])).toEqual([
      ['done', '2026-10-20'],
      ['overdue', null],
    ]);
    const [atC] = await C.take(await world.cityBundle('plan-c'));
    expect(atC).toMatchObject({ added: { plan: 1 } });
  });

  it('shows the city the progress by district and workstation once the laptop’s work arrives', async () => {
    await world.city.take(await A.send(world.folder, 'plan-work'));
    const progress = await world.city.call('plan.progress', { cycle: 2026 });
    expect(progress.total).toEqual({ planned: 3, done: 1, overdue: 2 });
    expect(progress.byDistrict.find((row) => row.code === hanyang)).toMatchObject({ planned: 2, done: 1, overdue: 1 });
    expect(progress.byWorkstation).toEqual([
      { id: A.identity.workstationId, name: 'A', planned: 2, done: 1, overdue: 1 },
      { id: C.identity.workstationId, name: 'C', planned: 1, done: 0, overdue: 1 },
    ]);
  });

  it('lets a leader plan only the districts of their workstation', async () => {
    const own = A.unitIdOf('汉阳计划外公司') as string;
    const outcome = await A.call('plan.add', { cycle: 2027, unitIds: [own], assigneeId: A.identity.workstationId, dueOn: '2027-06-30' });
    expect(outcome).toEqual({ added: 1, updated: 0, unchanged: 0 });
    const leader = { actor: { userId: 'u-leader', name: 'leader', displayName: '组长', roles: ['leader' as const] } };
    const notServed = await A.unit('江岸另一公司', jiangan);
    const elsewhere = await A.core.dispatcher.dispatch('plan.add', { cycle: 2027, unitIds: [notServed], assigneeId: A.identity.workstationId, dueOn: '2027-06-30' }, leader);
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['unitIds', 0], message: expect.stringMatching(/not in a district this workstation serves/) }] } } });
    expect((await A.call('plan.list', { cycle: 2027 })).total).toBe(1);
  });

  // Last: it revokes C.
  it('still lists a revoked workstation’s entries by its id: they stay in the plan', async () => {
    await world.city.call('trust.revoke', { workstationId: C.identity.workstationId, reason: '笔记本丢失' });
    const revoked = await cli('plan', 'list', '--workstation', C.identity.workstationId, '--db', db, '--json');
    expect(revoked.code).toBe(0);
    expect(revoked.json<PlanEntry[]>().map((entry) => entry.unitName)).toEqual(['江岸计划公司']);
  });
});
