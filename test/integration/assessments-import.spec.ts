// `dingxing assessments import`: matching units, history-aware stars, all or nothing, refusals naming file and item.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '@shared/domain/uscc';
import { maxDocumentsPerImport } from '@shared/limits';
import { cli } from '../helpers/cli';
import { perfectAnswers } from '../unit/scoring/default-pack';
import { tempDir } from '../helpers/temp';

const uscc17 = '91420105MA4K00001';
const uscc = uscc17 + usccCheckCharacter(uscc17);

function fullAnswers(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...perfectAnswers(), 'SAT-1': { respondents: 120, safe: 118 }, ...overrides };
}

function doc(overrides: Record<string, unknown> = {}, unit: Record<string, unknown> = {}, answers: Record<string, unknown> = {}) {
  return {
    format: 'dingxing.assessment/1',
    rubric: 'wuhan-star@2026.1',
    unit: { name: '汉阳测试物流有限公司', kind: 'enterprise', industry: null, district: '420105', households: null, ...unit },
    cycle: 2026,
    assessedOn: '2026-11-20',
    previousStars: 0,
    lastVetoOn: null,
    answers: fullAnswers(answers),
    ...overrides,
  };
}

function setup() {
  const dir = tempDir();
  const db = path.join(dir, 'a.sqlite');
  const write = (name: string, content: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(content));
    return file;
  };
  const query = <T>(sql: string, ...params: unknown[]): T[] => {
    const connection = new BetterSqlite3(db, { readonly: true });
    try {
      return connection.prepare(sql).all(...params) as T[];
    } finally {
      connection.close();
    }
  };
  /** What was recorded for the ids an import printed, in their order. */
  const recorded = (run: { json<T>(): T }) =>
    run.json<string[]>().map(
      (id) =>
        query<{ id: string; unitId: string; awardedStars: number; decidedBy: string; previousStars: number }>(
          `SELECT a.id, a.unit_id AS unitId, a.awarded_stars AS awardedStars, a.decided_by AS decidedBy, h.previous_stars AS previousStars
           FROM assessments a LEFT JOIN unit_star_history h ON h.assessment_id = a.id WHERE a.id = ?`,
          id,
        )[0],
    );
  return { db, write, query, recorded };
}

describe('dingxing assessments import', () => {
  it('records a document as final, creates the unit and uses the JSON previousStars for a unit without history', async () => {
    const { db, write, query } = setup();
    const file = write('a.json', doc({ previousStars: 3 }, { uscc }));
    const run = await cli('assessments', 'import', file, '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const ids = run.json<string[]>();
    expect(ids).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    const [row] = query<{ status: string; awarded_stars: number; signed_by: string }>('SELECT status, awarded_stars, signed_by FROM assessments WHERE id = ?', ids[0]);
    expect(row).toMatchObject({ status: 'final', awarded_stars: 4 });
    expect(row?.signed_by).toMatch(/^cli:/);
    expect(query<{ current_stars: number; uscc: string }>('SELECT current_stars, uscc FROM units')).toEqual([{ current_stars: 4, uscc }]);
    expect(query('SELECT stars, previous_stars FROM unit_star_history')).toEqual([{ stars: 4, previous_stars: 3 }]);
  });

  it('takes the district by name as well as by code, including the development zones', async () => {
    const { db, write, query } = setup();
    const first = await cli('assessments', 'import', write('zone.json', doc({}, { name: '光谷测试企业', district: '东湖高新区' })), '--db', db);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = await cli('assessments', 'import', write('zone-2027.json', doc({ cycle: 2027, assessedOn: '2027-11-01' }, { name: '光谷测试企业', district: '东湖新技术开发区' })), '--db', db);
    expect(again.code).toBe(0);
    expect(query<{ district_code: string }>('SELECT district_code FROM units')).toEqual([{ district_code: '4201DH' }]);
    const unknown = await cli('assessments', 'import', write('mars.json', doc({}, { name: '火星公司', district: '火星区' })), '--db', db);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('火星区');
    expect(query('SELECT id FROM units')).toHaveLength(1);
  });

  it('matches by id, else USCC, else district and name, and then ignores the JSON history', async () => {
    const { db, write, query, recorded } = setup();
    const first = await cli('assessments', 'import', write('a.json', doc({ cycle: 2025, assessedOn: '2025-11-01', previousStars: 2 }, { uscc })), '--db', db, '--json');
    expect(first.code).toBe(0);
    const [unit] = query<{ id: string }>('SELECT id FROM units');
    // By USCC with another name; JSON says 5 previous stars but history says 3.
    const byUscc = await cli('assessments', 'import', write('b.json', doc({ previousStars: 5 }, { uscc, name: '改名后的公司' })), '--db', db, '--json');
    expect(recorded(byUscc)[0]).toMatchObject({ unitId: unit?.id, awardedStars: 4, previousStars: 3 });
    // By id.
    const byId = await cli('assessments', 'import', write('c.json', doc({ cycle: 2027, assessedOn: '2027-11-01' }, { id: unit?.id, name: 'whatever', district: '420102' })), '--db', db, '--json');
    expect(recorded(byId)[0]).toMatchObject({ unitId: unit?.id, awardedStars: 5 });
    // By district and name.
    const byName = await cli('assessments', 'import', write('d.json', doc({ cycle: 2028, assessedOn: '2028-11-01' })), '--db', db, '--json');
    expect(recorded(byName)[0]?.unitId).toBe(unit?.id);
    expect(query('SELECT count(*) AS n FROM units')).toEqual([{ n: 1 }]);
  });

  it('takes lastVetoOn from history: a unit vetoed in the database is locked out whatever the JSON says', async () => {
    const { db, write, recorded } = setup();
    await cli('assessments', 'import', write('a.json', doc({ cycle: 2026, assessedOn: '2026-03-01' }, {}, { 'VETO-1': true })), '--db', db);
    const run = await cli('assessments', 'import', write('b.json', doc({ cycle: 2026, assessedOn: '2026-11-20', lastVetoOn: null, previousStars: 4 })), '--db', db, '--json');
    expect(recorded(run)[0]).toMatchObject({ awardedStars: 0, decidedBy: 'lockout' });
  });

  it('uses the JSON lastVetoOn for a unit without history', async () => {
    const { db, write, recorded } = setup();
    const run = await cli('assessments', 'import', write('a.json', doc({ lastVetoOn: '2026-06-01', previousStars: 3 })), '--db', db, '--json');
    expect(recorded(run)[0]).toMatchObject({ awardedStars: 0, decidedBy: 'lockout' });
  });

  it('imports several files and arrays in date order, so an earlier one is history for a later one', async () => {
    const { db, write, query, recorded } = setup();
    const later = write('later.json', doc({ cycle: 2026, assessedOn: '2026-11-01' }));
    const earlier = write('earlier.json', [doc({ cycle: 2024, assessedOn: '2024-11-01' }), doc({ cycle: 2025, assessedOn: '2025-11-01' })]);
    const run = await cli('assessments', 'import', later, earlier, '--db', db, '--json');
    expect(run.code).toBe(0);
    expect(recorded(run).map((entry) => entry?.awardedStars)).toEqual([3, 1, 2]);
    expect(query('SELECT current_stars FROM units')).toEqual([{ current_stars: 3 }]);
  });

  it('refuses everything when one file has a bad answer, naming the file and the item', async () => {
    const { db, write } = setup();
    const good = write('good.json', doc());
    const bad = write('bad.json', doc({}, { name: '另一家' }, { 'RES-9': true }));
    const run = await cli('assessments', 'import', good, bad, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.json');
    expect(run.stderr).toContain('RES-9');
    // Nothing written, not even the database this run would have created.
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses missing answers, items that do not apply, a bad format and unreadable files', async () => {
    const { db, write } = setup();
    const missing = { ...doc() };
    delete (missing.answers as Record<string, unknown>)['STB-5'];
    let run = await cli('assessments', 'import', write('m.json', missing), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/m\.json.*STB-5/);
    run = await cli('assessments', 'import', write('d.json', doc({}, {}, { 'DLV-1': 100 })), '--db', db);
    expect(run.stderr).toMatch(/d\.json.*DLV-1/);
    run = await cli('assessments', 'import', write('f.json', { ...doc(), format: 'other' }), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('f.json');
    run = await cli('assessments', 'import', path.join(path.dirname(db), 'nope.json'), '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nope.json');
  });

  it('records a document without an id once: importing the same file again records nothing and says 已存在', async () => {
    const { db, write, query } = setup();
    const file = write('same.json', doc());
    const first = await cli('assessments', 'import', file, '--db', db, '--json');
    expect(first.json<string[]>()).toHaveLength(1);
    for (let again = 0; again < 2; again += 1) {
      const repeat = await cli('assessments', 'import', file, '--db', db, '--json');
      expect(repeat.code).toBe(0);
      expect(repeat.json<string[]>()).toEqual([]);
    }
    const human = await cli('assessments', 'import', file, '--db', db);
    expect(human.stdout).toContain('已存在');
    expect(human.stdout).toContain('already recorded');
    expect(query('SELECT id FROM assessments')).toHaveLength(1);
    expect(query('SELECT id FROM unit_star_history')).toHaveLength(1);
  });

  it('records a changed answer as a new assessment, and the same document twice in one file once', async () => {
    const { db, write, query } = setup();
    await cli('assessments', 'import', write('first.json', doc()), '--db', db);
    const changed = await cli('assessments', 'import', write('changed.json', [doc({}, {}, { 'STB-1': 90 }), doc({}, {}, { 'STB-1': 90 })]), '--db', db, '--json');
    expect(changed.json<string[]>()).toHaveLength(1);
    expect(query('SELECT id FROM assessments')).toHaveLength(2);
  });

  it('treats a document with an id as already recorded when its content matches, and refuses different content under that id', async () => {
    const { db, write, query } = setup();
    const id = '0192f000-0000-7000-8000-000000000001';
    await cli('assessments', 'import', write('a.json', doc({ id })), '--db', db);
    const same = await cli('assessments', 'import', write('b.json', doc({ id })), '--db', db, '--json');
    expect(same.code).toBe(0);
    expect(same.json<string[]>()).toEqual([]);
    const different = await cli('assessments', 'import', write('c.json', doc({ id }, {}, { 'STB-1': 90 })), '--db', db, '--json');
    expect(different.code).toBe(1);
    expect(different.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(different.stderr).toContain('内容不同');
    expect(query('SELECT id FROM assessments')).toHaveLength(1);
  });

  it('refuses a cycle the database cannot hold at the document check, naming the file', async () => {
    const { db, write } = setup();
    const file = write('far.json', doc({ cycle: 2150, assessedOn: '2150-11-20' }));
    const result = await cli('assessments', 'import', file, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(file);
    expect(result.stderr).toContain('cycle');
    expect(result.stderr).not.toContain('CHECK constraint');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses a file of 260,000 documents by the one limit, without overflowing the stack or opening the database', async () => {
    const { db, write } = setup();
    const file = write('many.json', Array.from({ length: 260_000 }, () => ({ format: 'dingxing.assessment/1' })));
    const result = await cli('assessments', 'import', file, '--db', db, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    expect(result.stderr).toContain(`一次最多导入 ${maxDocumentsPerImport} 份评估`);
    expect(result.stderr).toContain('260000');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('lists what was recorded', async () => {
    const { db, write } = setup();
    await cli('assessments', 'import', write('a.json', doc()), '--db', db);
    const run = await cli('assessments', 'list', '--cycle', '2026', '--db', db, '--json');
    expect(run.json<{ cycle: number; status: string }[]>()).toEqual([expect.objectContaining({ cycle: 2026, status: 'final' })]);
  });
});
