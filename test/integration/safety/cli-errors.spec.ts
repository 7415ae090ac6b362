// The CLI names what a person can fix (a folder as --db, a port in use, another program's
// database, a read-only file) in both languages, exits 1, prints no stack trace, and with --json
// always prints one JSON error document.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { notOursError } from '../../../electron/main/db/recognize-database';
import { dxErrorOfSqlite } from '../../../electron/main/db/sqlite-errors';
import { openFailureText } from '../../../electron/main/desktop/open-failure-text';
import { cli } from '../../helpers/cli';
import { tempDbFile, tempDir } from '../../helpers/temp';

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectNoStack(stderr: string): void {
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr).not.toContain('internal error');
}

describe('CLI errors a person can act on', () => {
  it('refuses another program’s SQLite file for a read-only command, leaving it byte-for-byte', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const raw = new BetterSqlite3(file);
    raw.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers VALUES (1, 'Ada')");
    raw.close();
    const before = sha256(file);
    const result = await cli('units', 'list', '--db', file, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('不是鼎星工作站的数据库');
    expect(result.json()).toMatchObject({ error: { code: 'REFUSED' } });
    expectNoStack(result.stderr);
    expect(sha256(file)).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['other.sqlite']);
  });

  it('names a folder given as --db', async () => {
    const folder = tempDir();
    const result = await cli('units', 'list', '--db', folder, '--json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('是文件夹');
    expect(result.stderr).toContain('is a folder');
    expect(result.json()).toMatchObject({ error: { code: 'DB_UNAVAILABLE' } });
    expectNoStack(result.stderr);
  });

  it('names a port in use for serve', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const result = await cli('serve', '--port', String(port), '--db', tempDbFile(), '--json');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`端口 ${port} 已被占用`);
      expect(result.json()).toMatchObject({ error: { code: 'REFUSED' } });
      expectNoStack(result.stderr);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('explains a read-only database instead of an internal error', () => {
    const file = tempDbFile();
    new BetterSqlite3(file).exec('CREATE TABLE t (x)');
    const readonly = new BetterSqlite3(file, { readonly: true });
    let caught: unknown;
    try {
      readonly.exec('INSERT INTO t VALUES (1)');
    } catch (error) {
      caught = error;
    } finally {
      readonly.close();
    }
    const known = dxErrorOfSqlite(caught);
    expect(known?.code).toBe('DB_UNAVAILABLE');
    expect(known?.message).toContain('只读');
    expect(known?.message).toContain('read-only');
  });

  it('has the desktop start-up dialog say another program’s file was neither opened nor changed', () => {
    const text = openFailureText('/data/other.sqlite', notOursError('/data/other.sqlite', '含有其他程序的表：customers', 'it holds another program’s tables: customers'));
    expect(text.message).toContain('不是鼎星评定工作站的数据库');
    expect(text.message).toContain('neither opened nor changed');
    expect(text.detail).toContain('customers');
  });
});
