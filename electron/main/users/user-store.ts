/**
 * The `users` table, and the only module that writes it. A user has a login name, a display name,
 * one or more roles, a password hash, and a lockout counter. The last active admin can be neither
 * disabled nor stripped of the admin role, so a workstation can never lock out its administrator.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { User } from '@shared/api/procedures/users';
import { roles as allRoles } from '@shared/domain/roles';
import type { Actor, Role } from '@shared/domain/roles';
import { newId } from '../platform/ids';

interface UserRow {
  id: string;
  name: string;
  display_name: string;
  roles: string;
  password_hash: string;
  disabled: number;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredUser extends User {
  passwordHash: string;
  failedLogins: number;
}

function parseRoles(text: string): Role[] {
  const parsed = JSON.parse(text) as unknown;
  return Array.isArray(parsed) ? allRoles.filter((role) => parsed.includes(role)) : [];
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    name: row.name,
    displayName: row.display_name,
    roles: parseRoles(row.roles),
    disabled: row.disabled === 1,
    lockedUntil: row.locked_until,
    createdAt: row.created_at,
    passwordHash: row.password_hash,
    failedLogins: row.failed_logins,
  };
}

/** The public face of a stored user: no hash, no counter. */
export function publicUser(user: StoredUser): User {
  const { passwordHash: _hash, failedLogins: _failed, ...rest } = user;
  return rest;
}

export function actorOf(user: User): Actor {
  return { userId: user.id, name: user.name, displayName: user.displayName, roles: user.roles };
}

/** Roles in their canonical order, each once. */
function normaliseRoles(roles: readonly Role[]): Role[] {
  return allRoles.filter((role) => roles.includes(role));
}

export function hasUsers(db: Database): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM users)').pluck().get() === 1;
}

export function listUsers(db: Database): StoredUser[] {
  return (db.prepare('SELECT * FROM users ORDER BY name COLLATE NOCASE').all() as UserRow[]).map(toUser);
}

export function findUserByName(db: Database, name: string): StoredUser | undefined {
  const row = db.prepare('SELECT * FROM users WHERE name = ?').get(name.trim()) as UserRow | undefined;
  return row ? toUser(row) : undefined;
}

export function findUser(db: Database, id: string): StoredUser | undefined {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toUser(row) : undefined;
}

export function getUser(db: Database, id: string): StoredUser {
  const user = findUser(db, id);
  if (!user) throw new DxError('NOT_FOUND', `没有此用户 / No such user: ${id}`, { reason: 'users.notFound', params: { id } });
  return user;
}

export interface NewUser {
  name: string;
  displayName: string;
  roles: readonly Role[];
  passwordHash: string;
}

/** `audited` appends the user's audit entry inside the same transaction: no user exists without its entry. */
export function insertUser(db: Database, input: NewUser, now: Date, audited?: (user: StoredUser) => void): StoredUser {
  const id = newId();
  const stamp = now.toISOString();
  db.transaction(() => {
    if (findUserByName(db, input.name)) {
      throw new DxError('CONFLICT', `用户名已存在 / A user named ${input.name} already exists`, {
        reason: 'users.nameTaken',
        params: { name: input.name },
        issues: [{ path: ['name'], message: `${input.name} already exists` }],
      });
    }
    db.prepare(
      `INSERT INTO users (id, name, display_name, roles, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, input.name.trim(), input.displayName.trim(), JSON.stringify(normaliseRoles(input.roles)), input.passwordHash, stamp, stamp);
    audited?.(getUser(db, id));
  }).immediate();
  return getUser(db, id);
}

function activeAdminIds(db: Database): string[] {
  return db
    .prepare("SELECT id FROM users WHERE disabled = 0 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')")
    .pluck()
    .all() as string[];
}

export interface UserChanges {
  displayName?: string;
  roles?: readonly Role[];
  disabled?: boolean;
}

export function updateUser(db: Database, id: string, changes: UserChanges, now: Date): StoredUser {
  db.transaction(() => {
    const user = getUser(db, id);
    const roles = changes.roles ? normaliseRoles(changes.roles) : user.roles;
    const disabled = changes.disabled ?? user.disabled;
    const remainsAdmin = roles.includes('admin') && !disabled;
    const admins = activeAdminIds(db);
    if (!remainsAdmin && admins.length === 1 && admins[0] === id) {
      throw new DxError('CONFLICT', '不能停用或撤销最后一位管理员 / The last admin cannot be disabled or lose the admin role', {
        reason: 'users.lastAdmin',
      });
    }
    db.prepare('UPDATE users SET display_name = ?, roles = ?, disabled = ?, updated_at = ? WHERE id = ?').run(
      (changes.displayName ?? user.displayName).trim(),
      JSON.stringify(roles),
      disabled ? 1 : 0,
      now.toISOString(),
      id,
    );
  }).immediate();
  return getUser(db, id);
}

export function setPasswordHash(db: Database, id: string, passwordHash: string, now: Date): StoredUser {
  getUser(db, id);
  db.prepare('UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(
    passwordHash,
    now.toISOString(),
    id,
  );
  return getUser(db, id);
}

/** Counts a wrong password; at `limit` the account locks until `lockedUntil` and the count starts again. */
export function recordFailedLogin(db: Database, id: string, limit: number, lockedUntil: Date): void {
  db.transaction(() => {
    const user = getUser(db, id);
    const failed = user.failedLogins + 1;
    if (failed >= limit) {
      db.prepare('UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?').run(lockedUntil.toISOString(), id);
    } else {
      db.prepare('UPDATE users SET failed_logins = ? WHERE id = ?').run(failed, id);
    }
  }).immediate();
}

export function clearFailedLogins(db: Database, id: string): void {
  db.prepare('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = ? AND (failed_logins <> 0 OR locked_until IS NOT NULL)').run(id);
}
