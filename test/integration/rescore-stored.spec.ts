// `dingxing rescore` on recorded assessments: stored answers, the unit's kind/industry/households
// and the history each was signed with, beside what was recorded; the database is left as it was.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { usccCheckCharacter } from '@shared/domain/uscc';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { deliveryPerfect, perfectAnswers, starJsonCopy } from '../unit/scoring/default-pack';

const usccOf = (seventeen: string) => seventeen + usccCheckCharacter(seventeen);
const delivery = { name: '汉阳测试物流有限公司', kind: 'enterprise', industry: 'delivery', district: '420105', households: null, uscc: usccOf('91420105MA4K00001') };
const community = { name: '汉阳测试社区', kind: 'community', industry: null, district: '420105', households: 2400 };

function answers(overrides: Record<string, unknown> = {}, industry: 'delivery' | null = null): Record<string, unknown> {
  return { ...perfectAnswers(), 'SAT-1': { respondents: 150, safe: 147 }, ...(industry === 'delivery' ? deliveryPerfect : {}), ...overrides };
}

function doc(unit: Record<string, unknown>, cycle: number, assessedOn: string, previousStars: number, given: Record<string, unknown>) {
  return { format: 'dingxing.assessment/1', rubric: 'wuhan-star@2026.1', unit, cycle, assessedOn, previousStars, lastVetoOn: null, answers: given };
}

/** Every row of every table, to show that rescoring wrote nothing. */
function snapshot(file: string): Record<string, unknown[]> {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]));
  } finally {
    db.close();
  }
}

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

interface Side { rubric: string; total: number | null; scoreStars: number | null; awardedStars: number | null; decidedBy: string | null; complete: boolean | null; error: string | null }
interface Row { source: string; unit: string; cycle: number; old: Side; new: Side }

describe('dingxing rescore on stored assessments', () => {
  it('re-scores signed/final assessments with their unit and history, side by side, changing nothing', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'r.sqlite');
    const write = (name: string, content: unknown) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, JSON.stringify(content));
      return file;
    };
    const files = [
      // The delivery unit climbs: 3 → 4 stars in 2025 (one step), then 4 → 5 in 2026 (history, not the JSON's 0).
      write('d2025.json', doc(delivery, 2025, '2025-10-15', 3, answers({}, 'delivery'))),
      write('d2026.json', doc(delivery, 2026, '2026-10-15', 0, answers({ 'PRE-5': 2 }, 'delivery'))),
      // The community is vetoed in 2025, then locked out in 2026 (within 12 months).
      write('c2025.json', doc(community, 2025, '2025-06-01', 2, answers({ 'VETO-2': true }))),
      write('c2026.json', doc(community, 2026, '2026-03-01', 0, answers({ 'PRE-5': 1 }))),
    ];
    const imported = await cli('assessments', 'import', ...files, '--db', db, '--json');
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    const decisions = imported.json<string[]>().map((id) => query<{ awarded_stars: number; decided_by: string }>(db, 'SELECT awarded_stars, decided_by FROM assessments WHERE id = ?', id)[0]);
    expect(decisions.map((a) => [a?.awarded_stars, a?.decided_by])).toEqual([
      [4, 'stepUp'],
      [5, 'threshold'],
      [0, 'veto'],
      [0, 'lockout'],
    ]);

    // The changed pack: PRE-5 takes 2 per item (at most 6) instead of 1 (at most 3).
    const pack = starJsonCopy();
    pack.version = '2027.1';
    pack.categories[3].items[4].per = 2;
    pack.categories[3].items[4].cap = 6;
    const added = await cli('rubric', 'import', write('pack.json', pack), '--db', db);
    expect(added.code).toBe(0);

    const before = snapshot(db);
    const run = await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.json<{ rubric: string; rows: Row[] }>();
    expect(out.rubric).toBe('wuhan-star@2027.1');
    const view = out.rows.map((row) => ({ unit: row.unit, cycle: row.cycle, old: [row.old.rubric, row.old.total, row.old.awardedStars, row.old.decidedBy], new: [row.new.rubric, row.new.total, row.new.awardedStars, row.new.decidedBy, row.new.complete, row.new.error] }));
    expect(view).toEqual([
      { unit: delivery.name, cycle: 2025, old: ['wuhan-star@2026.1', 100, 4, 'stepUp'], new: ['wuhan-star@2027.1', 100, 4, 'stepUp', true, null] },
      { unit: community.name, cycle: 2025, old: ['wuhan-star@2026.1', 100, 0, 'veto'], new: ['wuhan-star@2027.1', 100, 0, 'veto', true, null] },
      // previousStars 4 from its history row: 5 stars stay within one step (not capped at 1 as from 0).
      { unit: delivery.name, cycle: 2026, old: ['wuhan-star@2026.1', 98, 5, 'threshold'], new: ['wuhan-star@2027.1', 96, 5, 'threshold', true, null] },
      // Locked out by the 2025 veto it was signed under, whatever the new total.
      { unit: community.name, cycle: 2026, old: ['wuhan-star@2026.1', 99, 0, 'lockout'], new: ['wuhan-star@2027.1', 98, 0, 'lockout', true, null] },
    ]);
    expect(out.rows.map((row) => row.source).sort()).toEqual([...imported.json<string[]>()].sort());

    // Only one cycle when asked.
    const only2026 = await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--cycle', '2026', '--db', db, '--json');
    expect(only2026.json<{ rows: Row[] }>().rows.map((row) => [row.unit, row.cycle])).toEqual([
      [delivery.name, 2026],
      [community.name, 2026],
    ]);

    // The human table shows both sides and the change.
    const human = await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--cycle', '2026', '--db', db);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('98 / 5★');
    expect(human.stdout).toContain('96 / 5★');
    expect(human.stdout).toContain('-2 / +0★');
    expect(human.stdout).toContain('re-scored 2 under wuhan-star@2027.1: 2 changed (0 with other stars), 0 unchanged');

    // Unchanged ones are counted, not listed (2025 scores the same under both); --all lists them too.
    const all2025 = await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--cycle', '2025', '--db', db);
    expect(all2025.stdout).not.toContain('+0 / +0★');
    expect(all2025.stdout).not.toContain(delivery.name);
    expect(all2025.stdout).toContain('按 wuhan-star@2027.1 重新计分 2 份：0 份有变化（其中星级变化 0 份），2 份不变');
    const listed = await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--cycle', '2025', '--all', '--db', db);
    expect(listed.stdout).toContain('+0 / +0★');
    expect(listed.stdout).toContain(delivery.name);
    expect((await cli('rescore', '--rubric', 'wuhan-star@2027.1', '--db', db, '--json')).json<{ changed: number; unchanged: number }>()).toMatchObject({ changed: 2, unchanged: 2 });

    expect(snapshot(db)).toEqual(before);
  });
});
