// `dingxing backup` and `dingxing restore`: consistent copies; restore refuses what is not this app's database.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/main/db/migrations/index';
import { cli } from '../helpers/cli';
import { tempDbFile, tempDir } from '../helpers/temp';

function metaValue(file: string, key: string): string | undefined {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  it('backs up to a new file and refuses to overwrite one', async () => {
    const db = tempDbFile();
    await cli('init', '--db', db);
    const out = path.join(tempDir(), 'copy.sqlite');
    const result = await cli('backup', '--db', db, '--out', out, '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ file: out });
    expect(metaValue(out, 'workstation_id')).toBe(metaValue(db, 'workstation_id'));
    const again = await cli('backup', '--db', db, '--out', out);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('exits 2 when --out is missing', async () => {
    expect((await cli('backup', '--db', tempDbFile())).code).toBe(2);
  });

  it('restores a backup over the database, keeping the replaced one', async () => {
    const original = tempDbFile();
    await cli('init', '--db', original);
    const out = path.join(tempDir(), 'copy.sqlite');
    await cli('backup', '--db', original, '--out', out);
    const other = tempDbFile();
    await cli('init', '--db', other);
    const result = await cli('restore', out, '--db', other, '--json');
    expect(result.code).toBe(0);
    const report = result.json<{ previousBackup: string; schemaVersion: number }>();
    expect(report.schemaVersion).toBe(latestSchemaVersion);
    expect(metaValue(other, 'workstation_id')).toBe(metaValue(original, 'workstation_id'));
    expect(fs.existsSync(report.previousBackup)).toBe(true);
  });

  it('refuses a file that is not a database of this app, changing nothing', async () => {
    const db = tempDbFile();
    await cli('init', '--db', db);
    const before = metaValue(db, 'workstation_id');
    const text = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(text, 'not a database, only some words that fill a page of text');
    const notDb = await cli('restore', text, '--db', db);
    expect(notDb.code).toBe(1);
    expect(notDb.stderr).toContain(text);
    const foreign = path.join(tempDir(), 'foreign.sqlite');
    const raw = new BetterSqlite3(foreign);
    raw.exec('CREATE TABLE t (x)');
    raw.pragma('user_version = 1');
    raw.close();
    const foreignResult = await cli('restore', foreign, '--db', db);
    expect(foreignResult.code).toBe(1);
    expect(foreignResult.stderr).toContain('not a database of this app');
    expect(metaValue(db, 'workstation_id')).toBe(before);
  });
});
