// `dingxing demo` sized for a city office: more cycles, its limits, and its progress in a log.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

describe('dingxing demo at city scale', () => {
  it('assesses as many cycles as asked, ending with 2026, with paper stars the year before', async () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    const run = await cli('demo', '--units', '60', '--cycles', '5', '--db', db, '--json');
    expect(run.code).toBe(0);
    const connection = new BetterSqlite3(db, { readonly: true });
    try {
      expect(connection.prepare('SELECT DISTINCT cycle FROM assessments ORDER BY cycle').pluck().all()).toEqual([2022, 2023, 2024, 2025, 2026]);
      expect(connection.prepare("SELECT DISTINCT cycle FROM unit_star_history WHERE source = 'paper'").pluck().all()).toEqual([2021]);
      expect(connection.prepare('SELECT DISTINCT cycle FROM district_inputs ORDER BY cycle').pluck().all()).toEqual([2022, 2023, 2024, 2025, 2026]);
    } finally {
      connection.close();
    }
  });

  it('refuses sizes outside its limits with a usage error, writing nothing', async () => {
    const dir = tempDir();
    for (const args of [['--units', '200001'], ['--units', '0'], ['--cycles', '0'], ['--cycles', '11'], ['--cycles', 'three']]) {
      const db = path.join(dir, `${args.join('')}.sqlite`);
      const run = await cli('demo', ...args, '--db', db);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(args[0] as string);
    }
  });

  it('takes a negative number as the value it is and names the allowed range, writing no database', async () => {
    const dir = tempDir();
    for (const [args, range] of [[['--units', '-5'], '--units must be between 1 and 200000'], [['--cycles', '-1'], '--cycles must be between 1 and 10']] as const) {
      const db = path.join(dir, `${args.join('')}.sqlite`);
      const run = await cli('demo', ...args, '--db', db);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(range);
      expect(fs.existsSync(db)).toBe(false);
    }
  });

  it('prints no progress for a small demo in a log', async () => {
    const run = await cli('demo', '--units', '30', '--db', path.join(tempDir(), 'demo.sqlite'));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
  });
});
