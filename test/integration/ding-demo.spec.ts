// A fresh demo shows every 平安鼎 story: all three grades, a capped rise, and each kind of ineligibility.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('demo district inputs', () => {
  it('gives the newest cycle gold, silver and bronze, and a veto, a coverage and a 综治 failure', async () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const rows = (await cli('ding', '--db', db, '--json', '--cycle', '2026')).json<{ grade: string; decidedBy: string | null; evaluated: boolean }[]>();
    const grades = new Set(rows.map((row) => row.grade));
    expect([...grades].sort()).toEqual(['bronze', 'gold', 'none', 'silver']);
    const decisions = new Set(rows.map((row) => row.decidedBy));
    for (const rule of ['veto', 'coverage', 'zongzhi', 'stepUp', 'composite', null]) expect(decisions).toContain(rule);
    for (const cycle of ['2024', '2025']) {
      const earlier = (await cli('ding', '--db', db, '--json', '--cycle', cycle)).json<{ evaluated: boolean }[]>();
      expect(earlier.every((row) => row.evaluated)).toBe(true);
    }
  });
});
