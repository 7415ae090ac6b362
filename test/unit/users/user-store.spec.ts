// The users table: unique names whatever their case, canonical roles, and a last admin who always stays one.
import { describe, expect, it } from 'vitest';
import { insertUser, listUsers, updateUser } from '../../../electron/main/users/user-store';
import { testCore } from '../../helpers/core';

const now = new Date('2026-11-20T09:00:00Z');

async function db() {
  return (await testCore({ seed: false })).services.db;
}

describe('user store', () => {
  it('refuses a second user of the same name in another letter case, naming the field', async () => {
    const database = await db();
    insertUser(database, { name: 'Admin', displayName: 'A', roles: ['admin'], passwordHash: 'x' }, now);
    expect(() => insertUser(database, { name: 'admin', displayName: 'B', roles: ['inspector'], passwordHash: 'x' }, now)).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ issues: [{ path: ['name'], message: 'admin already exists' }] }) }),
    );
    expect(listUsers(database)).toHaveLength(1);
  });

  it('keeps roles once each in a fixed order', async () => {
    const database = await db();
    const user = insertUser(database, { name: 'w', displayName: 'W', roles: ['leader', 'inspector', 'leader'], passwordHash: 'x' }, now);
    expect(user.roles).toEqual(['inspector', 'leader']);
  });

  it('will not disable the last active admin or take the admin role from them', async () => {
    const database = await db();
    const admin = insertUser(database, { name: 'admin', displayName: 'A', roles: ['admin'], passwordHash: 'x' }, now);
    expect(() => updateUser(database, admin.id, { disabled: true }, now)).toThrow(expect.objectContaining({ code: 'CONFLICT', details: { reason: 'users.lastAdmin' } }));
    expect(() => updateUser(database, admin.id, { roles: ['leader'] }, now)).toThrow(/last admin/);
    expect(listUsers(database)[0]).toMatchObject({ roles: ['admin'], disabled: false });
  });

  it('lets an admin be disabled once another active admin exists', async () => {
    const database = await db();
    const first = insertUser(database, { name: 'a1', displayName: 'A1', roles: ['admin'], passwordHash: 'x' }, now);
    insertUser(database, { name: 'a2', displayName: 'A2', roles: ['admin', 'leader'], passwordHash: 'x' }, now);
    expect(updateUser(database, first.id, { disabled: true }, now).disabled).toBe(true);
  });
});
