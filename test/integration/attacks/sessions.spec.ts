// What a hostile run found about logging in, kept as cases: a password change must end the
// user's other sessions (item 3), and five wrong logins must answer the same for a real account
// and a name nobody has (item 7).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/host/core';
import { hashPassword } from '../../../electron/main/users/password-hash';
import { insertUser } from '../../../electron/main/users/user-store';
import { testCore } from '../../helpers/core';

const t0 = new Date('2026-11-20T09:00:00Z');

async function coreWithUser(): Promise<Core> {
  const core = await testCore();
  insertUser(core.services.db, { name: 'lijc', displayName: '李检查员', roles: ['inspector'], passwordHash: await hashPassword('first-password') }, t0);
  insertUser(core.services.db, { name: 'wang', displayName: '王组长', roles: ['leader'], passwordHash: await hashPassword('leader-password') }, t0);
  return core;
}

async function login(core: Core, name: string, password: string): Promise<string> {
  const reply = await core.dispatcher.dispatch('session.login', { name, password }, { session: null });
  if (!reply.ok) throw new Error(`login ${name}: ${reply.error.message}`);
  return (reply.value as { session: string }).session;
}

async function failure(core: Core, name: string, password: string): Promise<{ message: string; reason: unknown }> {
  const reply = await core.dispatcher.dispatch('session.login', { name, password }, { session: null });
  if (reply.ok) throw new Error(`login ${name} was let in`);
  return { message: reply.error.message, reason: reply.error.details?.reason };
}

describe('item 3: changing your own password', () => {
  it('ends every other session of that user and keeps the one that changed it', async () => {
    const core = await coreWithUser();
    const a = await login(core, 'lijc', 'first-password');
    const b = await login(core, 'lijc', 'first-password');
    const other = await login(core, 'wang', 'leader-password');
    expect(await core.dispatcher.dispatch('units.list', {}, { session: a })).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('session.changePassword', { current: 'first-password', next: 'second-password' }, { session: b })).toMatchObject({ ok: true });
    expect(await core.dispatcher.dispatch('units.list', {}, { session: a })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await core.dispatcher.dispatch('units.list', {}, { session: b })).toMatchObject({ ok: true });
    // Another user's session is none of this change's business.
    expect(await core.dispatcher.dispatch('units.list', {}, { session: other })).toMatchObject({ ok: true });
    const entry = core.services.db.prepare("SELECT data FROM audit_log WHERE action = 'users.changePassword' ORDER BY seq DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(entry)).toEqual({ endedSessions: 1 });
  });

  it('ends no session when the current password is wrong', async () => {
    const core = await coreWithUser();
    const a = await login(core, 'lijc', 'first-password');
    const b = await login(core, 'lijc', 'first-password');
    expect(await core.dispatcher.dispatch('session.changePassword', { current: 'not-it-at-all', next: 'second-password' }, { session: b })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await core.dispatcher.dispatch('units.list', {}, { session: a })).toMatchObject({ ok: true });
  });
});

describe('item 3 across programs: two windows of two programs on one database', () => {
  // The desktop app and `dingxing serve`, or two serve runs, keep their sessions in their own
  // memory; a password changed in one must still end the sessions the other holds.
  it('ends the other program’s sessions of that user on a password change there', async () => {
    const first = await coreWithUser();
    const second = await testCore({ dbFile: first.services.dbFile });
    const elsewhere = await login(first, 'lijc', 'first-password');
    const bystander = await login(first, 'wang', 'leader-password');
    const here = await login(second, 'lijc', 'first-password');
    expect(await second.dispatcher.dispatch('session.changePassword', { current: 'first-password', next: 'second-password' }, { session: here })).toMatchObject({ ok: true });
    expect(await first.dispatcher.dispatch('units.list', {}, { session: elsewhere })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await second.dispatcher.dispatch('units.list', {}, { session: here })).toMatchObject({ ok: true });
    expect(await first.dispatcher.dispatch('units.list', {}, { session: bystander })).toMatchObject({ ok: true });
    // Logging in again with the new password works in either program.
    const again = await login(first, 'lijc', 'second-password');
    expect(await first.dispatcher.dispatch('units.list', {}, { session: again })).toMatchObject({ ok: true });
  });

  it('does not let a locked session of the other program be opened with the old password', async () => {
    const first = await coreWithUser();
    const second = await testCore({ dbFile: first.services.dbFile });
    const elsewhere = await login(first, 'lijc', 'first-password');
    await first.dispatcher.dispatch('session.lock', {}, { session: elsewhere });
    const here = await login(second, 'lijc', 'first-password');
    expect(await second.dispatcher.dispatch('session.changePassword', { current: 'first-password', next: 'second-password' }, { session: here })).toMatchObject({ ok: true });
    expect(await first.dispatcher.dispatch('session.unlock', { password: 'first-password' }, { session: elsewhere })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await first.dispatcher.dispatch('session.unlock', { password: 'second-password' }, { session: elsewhere })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});

describe('item 7: a locked account and an unknown name', () => {
  it('answer five wrong logins and the sixth in the same words, so the answer does not say which names exist', async () => {
    const core = await coreWithUser();
    const answers = async (name: string) => {
      const seen: { message: string; reason: unknown }[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) seen.push(await failure(core, name, 'wrong-password'));
      return seen;
    };
    const real = await answers('lijc');
    const unknown = await answers('nobody-here');
    expect(real.map((answer) => answer.reason)).toEqual([...Array<string>(5).fill('auth.wrongCredentials'), 'auth.accountLocked']);
    expect(unknown.map((answer) => answer.reason)).toEqual(real.map((answer) => answer.reason));
    // The messages differ only by the lock's end time, which both carry in the same form.
    const shape = (message: string) => message.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, 'TIME');
    expect(unknown.map((answer) => shape(answer.message))).toEqual(real.map((answer) => shape(answer.message)));
  });

  it('keeps the unknown names out of the database', async () => {
    const core = await coreWithUser();
    for (let attempt = 0; attempt < 6; attempt += 1) await failure(core, 'ghost-user', 'wrong-password');
    const db = core.services.db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    for (const table of tables) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((column) => !/^(seq|rowid)$/.test(column));
      if (columns.length === 0) continue;
      const hits = db.prepare(`SELECT count(*) FROM ${table} WHERE ${columns.map((column) => `CAST(${column} AS TEXT) LIKE '%ghost-user%'`).join(' OR ')}`).pluck().get() as number;
      expect(hits, `table ${table}`).toBe(0);
    }
  });
});
