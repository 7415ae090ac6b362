// One writer at a time: opening never writes when there is nothing to seed, and a write that
// waits out the busy timeout answers a retryable BUSY (never INTERNAL), through the API and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/main/host/core';
import { cli } from '../../helpers/cli';
import { anyone } from '../../helpers/actors';
import { tempDbFile, tempDir } from '../../helpers/temp';

/** Another program holding the write lock, as `dingxing serve` does in the middle of a write. */
function holdWriteLock(file: string): { release(): void } {
  const other = new BetterSqlite3(file);
  other.exec('BEGIN IMMEDIATE');
  return {
    release() {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

const unit = { name: '江岸快递', kind: 'enterprise', industry: 'delivery', districtCode: '420102', street: '', address: '', uscc: '', households: null, contact: '', phone: '', inScope: true };

describe('a database another program is writing to', () => {
  it('opens (seeding nothing) while another connection holds the write lock', async () => {
    const dbFile = tempDbFile();
    (await openCore({ dbFile, jobMode: 'inline' })).close();
    const lock = holdWriteLock(dbFile);
    try {
      const started = Date.now();
      const core = await openCore({ dbFile, jobMode: 'inline' });
      expect(Date.now() - started).toBeLessThan(2000);
      core.close();
      const listed = await cli('units', 'list', '--db', dbFile, '--json');
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
    } finally {
      lock.release();
    }
  });

  it('answers a retryable BUSY, in both languages, when the lock outlasts the busy timeout', async () => {
    const dbFile = tempDbFile();
    const core = await openCore({ dbFile, jobMode: 'inline' });
    core.services.db.pragma('busy_timeout = 50');
    const lock = holdWriteLock(dbFile);
    try {
      const result = await core.dispatcher.dispatch('units.create', unit, anyone);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('BUSY');
      expect(result.error.message).toContain('另一个程序正在写入数据库');
      expect(result.error.message).toContain('another program is writing');
      expect(result.error.details).toMatchObject({ retryable: true });
    } finally {
      lock.release();
      core.close();
    }
  });

  it('makes the CLI explain a lock held past the busy timeout in both languages, exit 1, nothing written', async () => {
    const dbFile = tempDbFile();
    (await openCore({ dbFile, jobMode: 'inline' })).close();
    const csv = path.join(tempDir(), 'units.csv');
    fs.writeFileSync(csv, 'name,kind,industry,district\n江岸快递,企业,,江岸区\n');
    const lock = holdWriteLock(dbFile);
    let result: Awaited<ReturnType<typeof cli>>;
    try {
      result = await cli('units', 'import', csv, '--db', dbFile, '--json');
    } finally {
      lock.release();
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('另一个程序正在写入数据库');
    expect(result.stderr).toContain('another program is writing to the database');
    expect(result.json()).toMatchObject({ error: { code: 'BUSY', details: { retryable: true } } });
    const listed = await cli('units', 'list', '--db', dbFile, '--json');
    expect(listed.json()).toEqual([]);
  }, 20_000);
});
