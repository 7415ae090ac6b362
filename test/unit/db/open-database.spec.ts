// Opening the workstation database: pragmas, migrations in transactions, backups, newer files refused.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { latestSchemaVersion, migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase, schemaVersionOf } from '../../../electron/main/db/open-database';
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
    const error = (await openDatabase(file).catch((caught: unknown) => caught)) as DxError;
    expect(error.code).toBe('DB_UNAVAILABLE');
    expect(error.message).toContain(file);
  });
});
