// The CLI's conventions (README, the dingxing command): help, exit codes 0/1/2, --db, --json, refusals change nothing.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { latestSchemaVersion } from '../../electron/main/db/migrations/index';
import { dingxingApplicationId } from '../../electron/main/db/recognize-database';
import { cli } from '../helpers/cli';
import { tempDbFile, tempDir } from '../helpers/temp';

const run = promisify(execFile);

describe('dingxing CLI conventions', () => {
  it('prints help listing the commands and exits 0', async () => {
    const result = await cli('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: dingxing <command>');
    expect(result.stdout).toMatch(/^\s+init\s/m);
    expect(result.stdout).toMatch(/^\s+serve\s/m);
  });

  it('exits 2 with usage for an unknown command', async () => {
    const result = await cli('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage:');
  });

  it('exits 2 with the command’s usage for an unknown flag, touching no database', async () => {
    const db = tempDbFile();
    const result = await cli('init', '--db', db, '--frob');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'--frob'");
    expect(result.stderr).toContain('Usage: dingxing init');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('init creates the database and reports its schema, as text and as JSON', async () => {
    const db = tempDbFile();
    const text = await cli('init', '--db', db);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Database ready: ${db}`);
    const json = await cli('init', '--db', db, '--json');
    expect(json.code).toBe(0);
    expect(json.json()).toMatchObject({ dbFile: db, schemaVersion: latestSchemaVersion, migratedFrom: latestSchemaVersion });
  });

  it('exits 1 naming the path when --db cannot be written', async () => {
    const blocker = path.join(tempDir(), 'plain-file');
    fs.writeFileSync(blocker, 'x');
    const target = path.join(blocker, 'db.sqlite');
    const result = await cli('init', '--db', target);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(target);
  });

  it('exits 1 for a database from a newer version and leaves it untouched', async () => {
    const db = tempDbFile();
    const raw = new BetterSqlite3(db);
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.pragma(`application_id = ${dingxingApplicationId}`);
    raw.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    const result = await cli('init', '--db', db, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('newer than this app supports');
    expect(result.json()).toMatchObject({ error: { code: 'DB_TOO_NEW' } });
    expect(crypto.createHash('sha256').update(fs.readFileSync(db)).digest('hex')).toBe(before);
  });

  it('runs as the installed bin (bin/dingxing.mjs over the built bundle)', async () => {
    const db = tempDbFile();
    const { stdout } = await run(process.execPath, ['bin/dingxing.mjs', 'init', '--db', db, '--json']);
    expect(JSON.parse(stdout)).toMatchObject({ schemaVersion: latestSchemaVersion });
    const failed = await run(process.execPath, ['bin/dingxing.mjs', 'nope']).catch((error: { code: number }) => error);
    expect((failed as { code: number }).code).toBe(2);
  });
});
