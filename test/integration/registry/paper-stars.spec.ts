// Paper-era stars (issue 17 item 7): units import takes 当前星级, 星级年度 and 最近否决日期; each
// becomes a history row marked as entered from paper, with who entered it and when, and the engine
// counts them. A row that contradicts signed history is refused with its line and reason, and
// nothing of the file is written.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';
import { newUscc } from '../certificates/world';
import { perfectAnswers } from '../../unit/scoring/default-pack';

function csv(dir: string, name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${rows.map((row) => row.join(',')).join('\n')}\n`);
  return file;
}

function assessmentFile(dir: string, name: string, uscc: string, cycle: number, assessedOn: string, answers: Record<string, unknown> = {}): string {
  const file = path.join(dir, `${name}-${cycle}.json`);
  fs.writeFileSync(file, JSON.stringify({ format: 'dingxing.assessment/1', rubric: 'wuhan-star@2026.1', unit: { name, kind: 'enterprise', industry: null, district: '420105', uscc }, cycle, assessedOn, previousStars: 0, lastVetoOn: null, answers: { ...perfectAnswers(), ...answers } }));
  return file;
}

const header = ['名称', '类型', '区', '统一社会信用代码', '当前星级', '星级年度', '最近否决日期'];

describe('paper-era stars in units import', () => {
  it('writes a history row per paper fact, marked as paper with who entered it, and scores the next cycle from it', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'city.sqlite');
    const uscc = newUscc();
    const file = csv(dir, 'paper.csv', [header, ['汉阳纸质三星公司', '企业', '汉阳区', uscc, '三星', '2024', ''], ['汉阳纸质否决公司', '企业', '420105', newUscc(), '0', '2025', '2025/4/1'], ['汉阳无星记录公司', '企业', '420105', newUscc(), '', '', '']]);
    const imported = await cli('units', 'import', file, '--db', db, '--json');
    expect(imported.code).toBe(0);
    expect(imported.json()).toMatchObject({ imported: 3, paperRows: 3 });
    const raw = new BetterSqlite3(db, { readonly: true });
    const rows = raw.prepare("SELECT u.name, h.cycle, h.stars, h.previous_stars, h.assessed_on, h.vetoed, h.source, h.entered_by, h.assessment_id FROM unit_star_history h JOIN units u ON u.id = h.unit_id ORDER BY u.name, h.assessed_on").all();
    expect(rows).toEqual([
      { name: '汉阳纸质三星公司', cycle: 2024, stars: 3, previous_stars: 2, assessed_on: '2024-01-01', vetoed: 0, source: 'paper', entered_by: expect.stringMatching(/^cli:/), assessment_id: null },
      { name: '汉阳纸质否决公司', cycle: 2025, stars: 0, previous_stars: 0, assessed_on: '2025-01-01', vetoed: 0, source: 'paper', entered_by: expect.stringMatching(/^cli:/), assessment_id: null },
      { name: '汉阳纸质否决公司', cycle: 2025, stars: 0, previous_stars: 0, assessed_on: '2025-04-01', vetoed: 1, source: 'paper', entered_by: expect.stringMatching(/^cli:/), assessment_id: null },
    ]);
    expect(raw.prepare("SELECT name, current_stars, last_assessed_on, last_veto_on FROM units ORDER BY name").all()).toEqual([
      { name: '汉阳无星记录公司', current_stars: 0, last_assessed_on: null, last_veto_on: null },
      { name: '汉阳纸质三星公司', current_stars: 3, last_assessed_on: null, last_veto_on: null },
      { name: '汉阳纸质否决公司', current_stars: 0, last_assessed_on: null, last_veto_on: '2025-04-01' },
    ]);
    raw.close();
    // 2026 with full marks: 逐级 from the paper 三星 gives 四星, not 一星.
    const scored = await cli('assessments', 'import', assessmentFile(dir, '汉阳纸质三星公司', uscc, 2026, '2026-11-20'), '--db', db, '--json');
    expect(scored.code).toBe(0);
    const [id] = scored.json<string[]>();
    const after = new BetterSqlite3(db, { readonly: true });
    expect(after.prepare('SELECT awarded_stars, score_stars, decided_by FROM assessments WHERE id = ?').get(id)).toEqual({ awarded_stars: 4, score_stars: 5, decided_by: 'stepUp' });
    after.close();
  });

  it('refuses, with the line and reason and writing nothing, paper stars that contradict signed history or themselves', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'laptop.sqlite');
    const uscc = newUscc();
    expect((await cli('assessments', 'import', assessmentFile(dir, '汉阳已签署公司', uscc, 2025, '2025-10-01'), '--db', db)).code).toBe(0);
    const before = new BetterSqlite3(db, { readonly: true });
    const count = () => before.prepare('SELECT (SELECT count(*) FROM units) || \'/\' || (SELECT count(*) FROM unit_star_history)').pluck().get();
    const counted = count();
    const file = csv(dir, 'bad.csv', [
      header,
      ['汉阳已签署公司', '企业', '汉阳区', uscc, '3', '2025', ''],
      ['汉阳已签署公司二', '企业', '汉阳区', newUscc(), '6', '2024', ''],
      ['汉阳已签署公司三', '企业', '汉阳区', newUscc(), '2', '', ''],
      ['汉阳已签署公司四', '企业', '汉阳区', newUscc(), '2', '2024', '2024-13-01'],
      ['汉阳已签署公司五', '企业', '汉阳区', newUscc(), '2', '2024', '2024-06-01'],
    ]);
    const refused = await cli('units', 'import', file, '--update', '--db', db, '--json');
    expect(refused.code).toBe(1);
    const errors = (refused.json() as { errors: { line: number; column?: string; messageEn: string }[] }).errors;
    expect(errors).toEqual([
      expect.objectContaining({ line: 2, column: '当前星级', messageEn: expect.stringMatching(/signed assessment of 2025 \(2025-10-01\) gave 1 star, which contradicts 3/) }),
      expect.objectContaining({ line: 3, column: '当前星级', messageEn: expect.stringMatching(/whole number from 0 to 5/) }),
      expect.objectContaining({ line: 4, column: '星级年度', messageEn: expect.stringMatching(/without the cycle/) }),
      expect.objectContaining({ line: 5, column: '最近否决日期', messageEn: expect.stringMatching(/not a date/) }),
      expect.objectContaining({ line: 6, column: '最近否决日期', messageEn: expect.stringMatching(/removes every star/) }),
    ]);
    expect(count()).toBe(counted);
    // A veto within twelve months before signed stars contradicts them too.
    const veto = csv(dir, 'veto.csv', [header, ['汉阳已签署公司', '企业', '汉阳区', uscc, '', '', '2025-03-01']]);
    const vetoRefused = await cli('units', 'import', veto, '--update', '--db', db, '--json');
    expect(vetoRefused.code).toBe(1);
    expect((vetoRefused.json() as { errors: { messageEn: string }[] }).errors[0]!.messageEn).toMatch(/a veto on 2025-03-01 contradicts 1 star signed on 2025-10-01: no stars may be awarded before 2026-03-01/);
    expect(count()).toBe(counted);
    before.close();
  });
});
