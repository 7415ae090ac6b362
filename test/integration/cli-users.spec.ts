// `dingxing init --admin`, `users add|list|disable`: the CLI acts as cli:<account>, passwords come from the
// environment (never asked of a script), and refusals change nothing.
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { User } from '@shared/api/procedures/users';
import { cli } from '../helpers/cli';
import { tempDbFile } from '../helpers/temp';

function userNames(dbFile: string): string[] {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT name FROM users ORDER BY name').pluck().all() as string[]);
  } finally {
    db.close();
  }
}

afterEach(() => vi.unstubAllEnvs());

describe('dingxing init and users', () => {
  it('creates no user and asks nothing without --admin', async () => {
    const db = tempDbFile();
    const result = await cli('init', '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(result.json<{ admin: null }>().admin).toBeNull();
    expect(userNames(db)).toEqual([]);
  });

  it('creates the first admin from DINGXING_PASSWORD, and records the CLI as cli:<account>', async () => {
    const db = tempDbFile();
    vi.stubEnv('DINGXING_PASSWORD', 'admin-password-1');
    const result = await cli('init', '--admin', 'admin', '--db', db, '--json');
    expect(result.code).toBe(0);
    expect(result.json<{ admin: { name: string } }>().admin.name).toBe('admin');
    const raw = new BetterSqlite3(db, { readonly: true });
    const audit = raw.prepare("SELECT actor FROM audit_log WHERE action = 'users.add'").pluck().get() as string;
    raw.close();
    expect(audit).toMatch(/^cli:/);
  });

  it('refuses a second init --admin once an admin exists (exit 1)', async () => {
    const db = tempDbFile();
    vi.stubEnv('DINGXING_PASSWORD', 'admin-password-1');
    await cli('init', '--admin', 'admin', '--db', db);
    const again = await cli('init', '--admin', 'other', '--db', db);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('An admin exists already');
    expect(userNames(db)).toEqual(['admin']);
  });

  it('exits 2 without a password when nobody is at a terminal, having written nothing', async () => {
    const db = tempDbFile();
    vi.stubEnv('DINGXING_PASSWORD', undefined as unknown as string);
    delete process.env.DINGXING_PASSWORD;
    const result = await cli('users', 'add', 'lijc', '--role', 'inspector', '--db', db);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('DINGXING_PASSWORD');
  });

  it('exits 2 for a short password or an unknown role', async () => {
    const db = tempDbFile();
    vi.stubEnv('DINGXING_PASSWORD', 'short');
    expect((await cli('users', 'add', 'lijc', '--role', 'inspector', '--db', db)).code).toBe(2);
    vi.stubEnv('DINGXING_PASSWORD', 'long-enough-1');
    const badRole = await cli('users', 'add', 'lijc', '--role', 'boss', '--db', db);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('Unknown role "boss"');
  });

  it('adds users with several roles, lists them, and disables one; the last admin stays', async () => {
    const db = tempDbFile();
    vi.stubEnv('DINGXING_PASSWORD', 'some-password-1');
    await cli('init', '--admin', 'admin', '--db', db);
    expect((await cli('users', 'add', 'wangzz', '--role', 'inspector,leader', '--role', 'city', '--display-name', '王组长', '--db', db)).code).toBe(0);
    const listed = (await cli('users', 'list', '--db', db, '--json')).json<User[]>();
    expect(listed.map((user) => [user.name, user.roles])).toEqual([
      ['admin', ['admin']],
      ['wangzz', ['inspector', 'leader', 'city']],
    ]);
    expect((await cli('users', 'disable', 'wangzz', '--db', db)).code).toBe(0);
    const lastAdmin = await cli('users', 'disable', 'admin', '--db', db);
    expect(lastAdmin.code).toBe(1);
    expect(lastAdmin.stderr).toContain('last admin');
    const after = (await cli('users', 'list', '--db', db, '--json')).json<User[]>();
    expect(after.map((user) => user.disabled)).toEqual([false, true]);
    expect((await cli('users', 'disable', 'ghost', '--db', db)).code).toBe(1);
  });
});
