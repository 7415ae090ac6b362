// `dingxing backup` and `dingxing restore`: consistent copies; restore refuses what is not this app's database.
import crypto from 'node:crypto';
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
    expect(foreignResult.stderr).toContain('不是鼎星工作站的数据库');
    expect(metaValue(db, 'workstation_id')).toBe(before);
  });

  const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

  async function liveDatabase(): Promise<string> {
    const db = tempDbFile();
    await cli('init', '--db', db);
    return db;
  }

  it('refuses a file with our version and a meta table but no other tables, before touching the live file', async () => {
    const db = await liveDatabase();
    const before = sha256(db);
    const hollow = path.join(tempDir(), 'hollow.sqlite');
    const raw = new BetterSqlite3(hollow);
    raw.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT; INSERT INTO meta VALUES ('workstation_id', 'x')");
    raw.pragma(`user_version = ${latestSchemaVersion}`);
    raw.close();
    const result = await cli('restore', hollow, '--db', db, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不是鼎星工作站的数据库');
    expect(result.stderr).toContain('missing tables');
    expect(result.json()).toMatchObject({ error: { code: 'REFUSED' } });
    expect(sha256(db)).toBe(before);
    expect(fs.readdirSync(path.dirname(db)).filter((name) => name.includes('restore'))).toEqual([]);
  });

  it('refuses a damaged backup, naming the damage, and leaves the live file as it was', async () => {
    const db = await liveDatabase();
    const good = path.join(tempDir(), 'good.sqlite');
    await cli('backup', '--db', db, '--out', good);
    const damaged = path.join(tempDir(), 'damaged.sqlite');
    const bytes = fs.readFileSync(good);
    const pageSize = bytes.readUInt16BE(16);
    const districtsPage = new BetterSqlite3(good, { readonly: true });
    const rootPage = districtsPage.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'districts'").pluck().get() as number;
    districtsPage.close();
    // Scribble over the districts table's page; the file header (page 1) stays valid.
    bytes.fill(0x5a, pageSize * (rootPage - 1), pageSize * rootPage);
    fs.writeFileSync(damaged, bytes);
    const before = sha256(db);
    const result = await cli('restore', damaged, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/已损坏|不是鼎星工作站的数据库/);
    expect(result.stderr).not.toContain('internal error');
    expect(sha256(db)).toBe(before);
  });

  it('refuses while another program has the live database open, changing nothing', async () => {
    const db = await liveDatabase();
    const good = path.join(tempDir(), 'good.sqlite');
    await cli('backup', '--db', db, '--out', good);
    const other = new BetterSqlite3(db);
    other.pragma('journal_mode = WAL');
    other.prepare('SELECT count(*) FROM meta').get();
    try {
      const result = await cli('restore', good, '--db', db, '--json');
      expect(result.code).toBe(1);
      expect(result.json()).toMatchObject({ error: { code: 'BUSY' } });
      expect(result.stderr).toContain('另一个程序正在使用数据库');
    } finally {
      other.close();
    }
  });
});
