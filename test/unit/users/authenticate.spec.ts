// Logging in: scrypt hashes, the same answer for a wrong password and an unknown name, five strikes and 15 minutes.
import { describe, expect, it } from 'vitest';
import { authenticate, loginLockoutMs } from '../../../electron/main/users/authenticate';
import { hashPassword, verifyPassword } from '../../../electron/main/users/password-hash';
import { findUserByName, insertUser, updateUser } from '../../../electron/main/users/user-store';
import { testCore } from '../../helpers/core';

const t0 = new Date('2026-11-20T09:00:00Z');

async function withUser(roles: ('inspector' | 'leader' | 'admin')[] = ['inspector']) {
  const core = await testCore({ seed: false });
  const user = insertUser(core.services.db, { name: 'lijc', displayName: '李检查员', roles, passwordHash: await hashPassword('right-password') }, t0);
  return { db: core.services.db, user };
}

async function refusal(promise: Promise<unknown>) {
  return promise.then(() => null, (error: { code: string; message: string; details?: { reason?: string } }) => error);
}

describe('password hashes', () => {
  it('stores scrypt with its parameters and a salt of its own, and verifies only the right password', async () => {
    const first = await hashPassword('right-password');
    const second = await hashPassword('right-password');
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('right-password', first)).toBe(true);
    expect(await verifyPassword('wrong-password', first)).toBe(false);
    expect(await verifyPassword('right-password', 'md5$abc')).toBe(false);
  });
});

describe('authenticate', () => {
  it('answers a wrong password and an unknown name with the same message', async () => {
    const { db } = await withUser();
    const wrong = await refusal(authenticate(db, 'lijc', 'nope-nope', t0));
    const unknown = await refusal(authenticate(db, 'nobody', 'nope-nope', t0));
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'auth.wrongCredentials' } });
    expect(unknown?.message).toBe(wrong?.message);
  });

  it('logs in by name in any letter case and returns the actor with its roles', async () => {
    const { db, user } = await withUser(['inspector', 'leader']);
    expect(await authenticate(db, ' LIJC ', 'right-password', t0)).toEqual({ userId: user.id, name: 'lijc', displayName: '李检查员', roles: ['inspector', 'leader'] });
  });

  it('locks the account for 15 minutes after five wrong passwords, even against the right one', async () => {
    const { db } = await withUser();
    for (let attempt = 0; attempt < 4; attempt += 1) await refusal(authenticate(db, 'lijc', 'wrong', t0));
    expect(findUserByName(db, 'lijc')?.failedLogins).toBe(4);
    await refusal(authenticate(db, 'lijc', 'wrong', t0));
    expect(findUserByName(db, 'lijc')?.lockedUntil).toBe(new Date(t0.getTime() + loginLockoutMs).toISOString());
    expect(await refusal(authenticate(db, 'lijc', 'right-password', new Date(t0.getTime() + loginLockoutMs - 1000)))).toMatchObject({ details: { reason: 'auth.accountLocked' } });
    await expect(authenticate(db, 'lijc', 'right-password', new Date(t0.getTime() + loginLockoutMs + 1000))).resolves.toMatchObject({ name: 'lijc' });
    expect(findUserByName(db, 'lijc')).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('resets the count of wrong passwords after a good login', async () => {
    const { db } = await withUser();
    for (let attempt = 0; attempt < 4; attempt += 1) await refusal(authenticate(db, 'lijc', 'wrong', t0));
    await authenticate(db, 'lijc', 'right-password', t0);
    await refusal(authenticate(db, 'lijc', 'wrong', t0));
    expect(findUserByName(db, 'lijc')).toMatchObject({ failedLogins: 1, lockedUntil: null });
  });

  it('refuses a disabled user even with the right password', async () => {
    const core = await testCore({ seed: false });
    const db = core.services.db;
    insertUser(db, { name: 'admin', displayName: 'A', roles: ['admin'], passwordHash: await hashPassword('admin-password') }, t0);
    const user = insertUser(db, { name: 'lijc', displayName: '李', roles: ['inspector'], passwordHash: await hashPassword('right-password') }, t0);
    updateUser(db, user.id, { disabled: true }, t0);
    expect(await refusal(authenticate(db, 'lijc', 'right-password', t0))).toMatchObject({ code: 'UNAUTHORIZED', details: { reason: 'auth.accountDisabled' } });
  });
});
