// Opening the workstation database: pragmas, migrations in transactions, backups, newer files refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { latestSchemaVersion, migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase, schemaVersionOf } from '../../../electron/main/db/open-database';
import { dingxingApplicationId } from '../../../electron/main/db/recognize-database';
import type { Migration } from '../../../electron/main/db/migration';
import { tempDbFile, tempDir } from '../../helpers/temp';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('creates a new file at the latest schema with WAL, foreign keys and durable commits', async () => {
    const { db, migrated } = await openDatabase(tempDbFile());
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(migrated).toMatchObject({ from: 0, to: latestSchemaVersion, backupFile: null });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  it('refuses a database from a newer app and leaves the file untouched', async () => {
    const file = tempDbFile();
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future (x)');
    raw.pragma(`user_version = ${latestSchemaVersion + 5}`);
    raw.pragma(`application_id = ${dingxingApplicationId}`);
    raw.close();
    const before = sha256(file);
    const error = await openDatabase(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DxError);
    expect((error as DxError).code).toBe('DB_TOO_NEW');
    expect((error as DxError).message).toContain(`schema version ${latestSchemaVersion + 5}`);
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('takes an online backup before migrating an existing database', async () => {
    const file = tempDbFile();
    const first = await openDatabase(file, { migrations: migrations.slice(0, 1) });
    first.db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'kept')").run();
    first.db.close();
    const extra: Migration = { version: 2, name: 'probe table', up: (db) => db.exec('CREATE TABLE probe (x)') };
    const second = await openDatabase(file, { migrations: [...migrations.slice(0, 1), extra] });
    expect(second.migrated.from).toBe(1);
    expect(second.migrated.backupFile).not.toBeNull();
    const backup = new BetterSqlite3(second.migrated.backupFile as string, { readonly: true });
    expect(schemaVersionOf(backup)).toBe(1);
    expect(backup.prepare("SELECT value FROM meta WHERE key = 'probe'").pluck().get()).toBe('kept');
    backup.close();
    second.db.close();
  });

  it('rolls a failing migration back whole and keeps the earlier version', async () => {
    const file = tempDbFile();
    (await openDatabase(file, { migrations: migrations.slice(0, 1) })).db.close();
    const broken: Migration = {
      version: 2,
      name: 'breaks half-way',
      up(db) {
        db.exec('CREATE TABLE half (x)');
        throw new Error('boom');
      },
    };
    await expect(openDatabase(file, { migrations: [...migrations.slice(0, 1), broken] })).rejects.toThrow('boom');
    const raw = new BetterSqlite3(file, { readonly: true });
    expect(schemaVersionOf(raw)).toBe(1);
    expect(raw.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half'").pluck().get()).toBe(0);
    raw.close();
  });

  it('names the path when the database cannot be created', async () => {
    const blocker = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const target = path.join(blocker, 'db.sqlite');
    const error = (await openDatabase(target).catch((caught: unknown) => caught)) as DxError;
    expect(error.code).toBe('DB_UNAVAILABLE');
    expect(error.message).toContain(target);
  });

  it('refuses a file that is not a SQLite database, naming it', async () => {
    const file = tempDbFile();
    fs.writeFileSync(file, 'this is not a database at all, just some text that is long enough');
    const before = sha256(file);
    const error = (await openDatabase(file).catch((caught: unknown) => caught)) as DxError;
    expect(error.code).toBe('DB_UNAVAILABLE');
    expect(error.message).toContain('不是鼎星工作站的数据库');
    expect(error.message).toContain(file);
    expect(sha256(file)).toBe(before);
  });

  it('marks every database it creates with the app’s application id', async () => {
    const { db } = await openDatabase(tempDbFile());
    expect(db.pragma('application_id', { simple: true })).toBe(dingxingApplicationId);
    db.close();
  });

  function foreignFile(setup: (raw: BetterSqlite3.Database) => void): string {
    const file = tempDbFile();
    const raw = new BetterSqlite3(file);
    setup(raw);
    raw.close();
    return file;
  }

  it.each([
    ['another program’s tables', (raw: BetterSqlite3.Database) => raw.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada')")],
    ['a foreign user_version of 3', (raw: BetterSqlite3.Database) => { raw.exec('CREATE TABLE customers (id)'); raw.pragma('user_version = 3'); }],
    ['a foreign application id', (raw: BetterSqlite3.Database) => { raw.exec('CREATE TABLE meta (key, value)'); raw.pragma('application_id = 1234'); raw.pragma('user_version = 1'); }],
    ['our version number but only a meta table', (raw: BetterSqlite3.Database) => { raw.exec('CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)'); raw.pragma(`user_version = ${latestSchemaVersion}`); }],
  ])('refuses a SQLite file with %s and leaves it byte-for-byte untouched', async (_name, setup) => {
    const file = foreignFile(setup);
    const before = sha256(file);
    for (const readonly of [false, true]) {
      const error = (await openDatabase(file, { readonly }).catch((caught: unknown) => caught)) as DxError;
      expect(error).toBeInstanceOf(DxError);
      expect(error.code).toBe('REFUSED');
      expect(error.message).toContain('不是鼎星工作站的数据库');
      expect(error.message).toContain('not a Dingxing workstation database');
    }
    expect(sha256(file)).toBe(before);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(fs.readdirSync(path.dirname(file)).some((name) => name === 'backups')).toBe(false);
  });

  it('accepts a database made before the application id was written, and marks it', async () => {
    const file = tempDbFile();
    const first = await openDatabase(file);
    first.db.pragma('application_id = 0');
    first.db.close();
    const second = await openDatabase(file);
    expect(second.db.pragma('application_id', { simple: true })).toBe(dingxingApplicationId);
    second.db.close();
  });

  it('names a folder given as the database', async () => {
    const folder = tempDir();
    const error = (await openDatabase(folder).catch((caught: unknown) => caught)) as DxError;
    expect(error.code).toBe('DB_UNAVAILABLE');
    expect(error.message).toContain('是文件夹');
    expect(error.message).toContain(folder);
  });
});
