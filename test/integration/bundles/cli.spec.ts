// `dingxing export`, `import`, `trust add|list|revoke` and `conflicts list|resolve`: exit codes and --json reports.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { assessmentDocument } from '../certificates/world';

let folder: string;
const db = (name: string) => path.join(folder, `${name}.sqlite`);
const at = (name: string) => path.join(folder, name);

beforeEach(async () => {
  folder = tempDir();
  process.env.DINGXING_KEY_PASSPHRASE = 'cli bundle passphrase';
  // Each workstation's keys are made once, on purpose, before it signs anything.
  for (const name of ['laptop', 'city', 'source', 'target']) expect((await cli('identity', 'create', '--db', db(name))).code).toBe(0);
});

afterEach(() => {
  delete process.env.DINGXING_KEY_PASSPHRASE;
});

describe('dingxing export / import / trust', () => {
  it('sends the city bundle back: identity export --city, trust add at the laptop, export --city, import, rescore with the pack in force', async () => {
    fs.writeFileSync(at('a.json'), JSON.stringify([assessmentDocument({ name: '回程公司' })]));
    expect((await cli('assessments', 'import', at('a.json'), '--db', db('laptop'))).code).toBe(0);
    expect((await cli('export', '--out', at('1.dxb'), '--db', db('laptop'))).code).toBe(0);
    expect((await cli('identity', 'export', '--out', at('laptop.id'), '--db', db('laptop'))).code).toBe(0);
    expect((await cli('trust', 'add', at('laptop.id'), '--db', db('city'))).code).toBe(0);
    expect((await cli('import', at('1.dxb'), '--db', db('city'))).code).toBe(0);
    const pack = { ...(JSON.parse(fs.readFileSync('electron/main/rubric/default-packs/wuhan-star-2026.1.json', 'utf8')) as object), version: '2027.1', inForceFrom: 2027 };
    fs.writeFileSync(at('pack.json'), JSON.stringify(pack));
    expect((await cli('rubric', 'import', at('pack.json'), '--db', db('city'))).code).toBe(0);

    const cityExport = await cli('export', '--city', '--out', at('city.dxb'), '--db', db('city'), '--json');
    expect(cityExport.code).toBe(0);
    expect(cityExport.json()).toMatchObject({ sequence: 1, full: true, counts: { receipts: 1, trust_roster: 1 } });
    const notEnrolled = await cli('import', at('city.dxb'), '--db', db('laptop'));
    expect(notEnrolled.code).toBe(1);
    expect(notEnrolled.stdout).toMatch(/identity export --city/);

    const identity = await cli('identity', 'export', '--city', '--out', at('city.id'), '--db', db('city'), '--json');
    expect(identity.json()).toMatchObject({ kind: 'city' });
    const enrolled = await cli('trust', 'add', at('city.id'), '--db', db('laptop'));
    expect(enrolled.stdout).toMatch(/市指挥部 city office/);
    const imported = await cli('import', at('city.dxb'), '--db', db('laptop'), '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ reports: [{ status: 'imported', kind: 'city', added: { receipts: 1, rubric_packs: 1 } }] });
    expect((await cli('trust', 'list', '--db', db('laptop'))).stdout).toMatch(/市指挥部 city/);

    // rescore without --rubric: the pack in force for the cycle.
    const rescored = await cli('rescore', '--cycle', '2027', '--db', db('laptop'), '--json');
    expect(rescored.code).toBe(0);
    expect(rescored.json()).toMatchObject({ rubric: 'wuhan-star@2027.1' });
    expect((await cli('rescore', '--cycle', '2026', '--db', db('laptop'), '--json')).json()).toMatchObject({ rubric: 'wuhan-star@2026.1' });
    expect((await cli('rescore', '--db', db('laptop'))).code).toBe(2);
  });

  it('enrolls a laptop, imports its bundle once, lists and revokes it', async () => {
    fs.writeFileSync(at('a.json'), JSON.stringify([assessmentDocument({ name: '命令行公司' })]));
    expect((await cli('assessments', 'import', at('a.json'), '--db', db('laptop'))).code).toBe(0);
    expect((await cli('export', '--db', db('laptop'))).code).toBe(2);
    const exported = await cli('export', '--out', at('1.dxb'), '--db', db('laptop'), '--json');
    expect(exported.code).toBe(0);
    expect(exported.json()).toMatchObject({ sequence: 1, counts: { units: 1, assessments: 1 } });

    const unknown = await cli('import', at('1.dxb'), '--db', db('city'));
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/未登记.*not enrolled/s);

    expect((await cli('identity', 'export', '--out', at('laptop.id'), '--db', db('laptop'))).code).toBe(0);
    const added = await cli('trust', 'add', at('laptop.id'), '--db', db('city'), '--json');
    expect(added.code).toBe(0);
    const laptopId = added.json<{ entry: { workstationId: string; fingerprint: string } }>().entry;
    expect(laptopId.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);

    const imported = await cli('import', at('1.dxb'), '--db', db('city'), '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ refused: 0, reports: [{ status: 'imported', added: { units: 1, assessments: 1 }, sequenceGaps: [] }] });
    const human = await cli('import', at('1.dxb'), '--db', db('city'));
    expect(human.stdout).toMatch(/已有 already present:\s+units 1/);

    const listed = await cli('trust', 'list', '--db', db('city'));
    expect(listed.stdout).toContain(laptopId.fingerprint);
    expect((await cli('trust', 'revoke', laptopId.workstationId, '--db', db('city'))).code).toBe(0);
    const refused = await cli('import', at('1.dxb'), '--db', db('city'), '--json');
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ refused: 1, reports: [{ status: 'refused', refused: [{ entry: 'manifest.json' }] }] });
    expect((await cli('trust', 'revoke', 'nobody', '--db', db('city'))).code).toBe(1);
    fs.writeFileSync(at('bad.id'), '{"format":"dingxing.identity/1","workstationId":"x"}');
    const bad = await cli('trust', 'add', at('bad.id'), '--db', db('city'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/workstationName/);
  });

  it('writes the bundle under its name only when whole, and refuses an empty file with its report', async () => {
    const exported = await cli('export', '--out', at('whole.dxb'), '--db', db('laptop'), '--json');
    expect(exported.code).toBe(0);
    // Nothing but the bundle itself is left in the folder: it went through a temporary name.
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('whole.dxb'))).toEqual(['whole.dxb']);
    expect(fs.statSync(at('whole.dxb')).size).toBe(exported.json<{ bytes: number }>().bytes);
    // What a copy killed at its first byte leaves: refused as not a bundle, with the report, not a usage error.
    fs.writeFileSync(at('empty.dxb'), '');
    const refused = await cli('import', at('empty.dxb'), '--db', db('city'), '--json');
    expect(refused.code).toBe(1);
    expect(refused.json()).toMatchObject({ refused: 1, reports: [{ file: 'empty.dxb', status: 'refused' }] });
  });

  it('says when trust add again changes the districts, and refuses districts for a city office, writing nothing', async () => {
    expect((await cli('identity', 'export', '--out', at('laptop.id'), '--db', db('laptop'))).code).toBe(0);
    expect((await cli('trust', 'add', at('laptop.id'), '--districts', '420102', '--db', db('city'))).code).toBe(0);
    const same = await cli('trust', 'add', at('laptop.id'), '--districts', '420102', '--db', db('city'), '--json');
    expect(same.json()).toMatchObject({ created: false, districtsChanged: false, entry: { districts: ['420102'] } });
    const moved = await cli('trust', 'add', at('laptop.id'), '--districts', '420103,420105', '--db', db('city'));
    expect(moved.code).toBe(0);
    expect(moved.stdout).toMatch(/already enrolled; districts changed/);
    expect(moved.stdout).toMatch(/420103,420105/);

    expect((await cli('identity', 'export', '--city', '--out', at('city.id'), '--db', db('city'))).code).toBe(0);
    const city = await cli('trust', 'add', at('city.id'), '--districts', '420102', '--db', db('laptop'));
    expect(city.code).toBe(1);
    expect(city.stderr).toMatch(/city office; it serves no districts/);
    expect((await cli('trust', 'list', '--db', db('laptop'))).stdout).toMatch(/信任库为空/);
    // What a city bundle carries, as export --help tells it.
    expect((await cli('export', '--help')).stdout).toMatch(/--city\s+the city office’s bundle for laptops: .*registry \(units with official stars, star history, 整改 items, current plaques\) and the plan/s);
  });

  it('lists a held conflict and resolves it', async () => {
    fs.writeFileSync(at('a.json'), JSON.stringify([assessmentDocument({ name: '冲突公司', uscc: null })]));
    await cli('assessments', 'import', at('a.json'), '--db', db('laptop'));
    await cli('identity', 'export', '--out', at('laptop.id'), '--db', db('laptop'));
    await cli('trust', 'add', at('laptop.id'), '--db', db('city'));
    await cli('export', '--out', at('1.dxb'), '--db', db('laptop'));
    await cli('import', at('1.dxb'), '--db', db('city'));
    // Both sides correct the unit's address, differently (as the unit form would).
    for (const side of ['laptop', 'city']) {
      const connection = new Database(db(side));
      connection.prepare('UPDATE units SET address = ?').run(`${side} 的地址`);
      connection.close();
    }
    await cli('export', '--out', at('2.dxb'), '--db', db('laptop'));
    const second = await cli('import', at('2.dxb'), '--db', db('city'), '--json');
    expect(second.code).toBe(0);
    const conflicts = await cli('conflicts', 'list', '--db', db('city'), '--json');
    const held = conflicts.json<{ id: string; local: { address: string }; incoming: { address: string } }[]>();
    expect(held).toEqual([expect.objectContaining({ table: 'units', local: expect.objectContaining({ address: 'city 的地址' }), incoming: expect.objectContaining({ address: 'laptop 的地址' }) })]);
    // Named by the unit and the laptop that sent it, not by their ids.
    expect(held[0]).toMatchObject({ subject: { kind: 'unit', name: '冲突公司' }, sourceName: expect.any(String) });
    const listed = (await cli('conflicts', 'list', '--db', db('city'))).stdout;
    expect(listed).toContain('differing fields: address');
    expect(listed).toContain('units 冲突公司');
    expect((await cli('conflicts', 'resolve', held[0]!.id, '--db', db('city'))).code).toBe(2);
    const resolved = await cli('conflicts', 'resolve', held[0]!.id, '--keep', 'incoming', '--db', db('city'), '--json');
    expect(resolved.code).toBe(0);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'take-incoming' });
    expect((await cli('conflicts', 'list', '--db', db('city'))).stdout).toContain('no conflicts to resolve');
  });
});

describe('district inputs in a bundle', () => {
  it('travel with the bundle and are added once', async () => {
    const aspects = { politicalStability: 90, publicOrder: 88, economicOrder: 91, workSafety: 87, foodDrugSafety: 90, ecology: 85, grassrootsGovernance: 93, livelihood: 89 };
    fs.writeFileSync(at('inputs.json'), JSON.stringify({ format: 'dingxing.district-inputs/1', cycle: 2026, districts: [{ district: '420105', ruleOfLaw: 92, aspects, veto: false, previousGrade: 'bronze' }] }));
    fs.writeFileSync(at('a.json'), JSON.stringify([assessmentDocument({ name: '区县指标公司' })]));
    await cli('assessments', 'import', at('a.json'), '--db', db('source'));
    expect((await cli('ding', 'inputs', 'import', at('inputs.json'), '--db', db('source'))).code).toBe(0);
    await cli('identity', 'export', '--out', at('source.id'), '--db', db('source'));
    await cli('trust', 'add', at('source.id'), '--db', db('target'));
    expect((await cli('export', '--out', at('inputs.dxb'), '--db', db('source'), '--json')).json()).toMatchObject({ counts: { district_inputs: 1 } });
    const imported = await cli('import', at('inputs.dxb'), '--db', db('target'), '--json');
    expect(imported.json()).toMatchObject({ reports: [{ status: 'imported', added: { district_inputs: 1 } }] });
    const again = await cli('import', at('inputs.dxb'), '--db', db('target'), '--json');
    expect(again.json()).toMatchObject({ reports: [{ alreadyPresent: { district_inputs: 1 } }] });
    const row = (await cli('ding', '--db', db('target'), '--json')).json<{ district: string; grade: string }[]>().find((entry) => entry.district === '420105');
    expect(row).toMatchObject({ district: '420105' });
  });
});
