/**
 * What people do to accounts: the admin adds, changes and resets users; each person changes their
 * own password, logs in and out; the first admin is made once. Each writes its audit entry in the
 * same transaction as its change (a login's entry is the change). Passwords are hashed before the
 * transaction: scrypt takes ~0.1 s and must not hold the write lock.
 */
import { DxError } from '@shared/api/errors';
import type { Actor, Role } from '@shared/domain/roles';
import type { DomainContext } from '../context/domain-context';
import { hashPassword, verifyPassword } from './password-hash';
import { actorOf, getUser, hasUsers, insertUser, setPasswordHash, updateUser } from './user-store';
import type { StoredUser, UserChanges } from './user-store';

export async function addUser(ctx: DomainContext, input: { name: string; displayName: string; roles: Role[]; password: string }): Promise<StoredUser> {
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(() => {
    const user = insertUser(ctx.db, { name: input.name, displayName: input.displayName, roles: input.roles, passwordHash }, ctx.now());
    ctx.audit({ action: 'users.add', subject: user.id, data: { name: user.name, roles: user.roles } });
    return user;
  }).immediate();
}

export function changeUser(ctx: DomainContext, id: string, changes: UserChanges): StoredUser {
  return ctx.db.transaction(() => {
    const user = updateUser(ctx.db, id, changes, ctx.now());
    ctx.audit({ action: 'users.update', subject: id, data: { ...changes } });
    return user;
  }).immediate();
}

export async function resetPassword(ctx: DomainContext, id: string, password: string): Promise<StoredUser> {
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(() => {
    const user = setPasswordHash(ctx.db, id, passwordHash, ctx.now());
    ctx.audit({ action: 'users.resetPassword', subject: id });
    return user;
  }).immediate();
}

/** The acting user's own password: the current one must be right. */
/** `endOtherSessions` ends the account's other sessions (the door's) and says how many it ended. */
/** Answers the new password hash: the session that made the change goes on under it. */
export async function changeOwnPassword(ctx: DomainContext, current: string, next: string, endOtherSessions: () => number = () => 0): Promise<string> {
  const user = getUser(ctx.db, ctx.actor.userId);
  if (!(await verifyPassword(current, user.passwordHash))) {
    throw new DxError('BAD_INPUT', '当前密码不正确 / The current password is wrong', {
      reason: 'auth.currentPasswordWrong',
      issues: [{ path: ['current'], message: 'wrong password' }],
    });
  }
  const passwordHash = await hashPassword(next);
  ctx.db.transaction(() => {
    setPasswordHash(ctx.db, user.id, passwordHash, ctx.now());
    ctx.audit({ action: 'users.changePassword', subject: user.id, data: { endedSessions: endOtherSessions() } });
  }).immediate();
  return passwordHash;
}

/** A login the password check let through, recorded as the user who logged in. */
export function recordLogin(ctx: DomainContext): void {
  ctx.audit({ action: 'session.login', subject: ctx.actor.userId });
}

export function recordLogout(ctx: DomainContext): void {
  ctx.audit({ action: 'session.logout', subject: ctx.actor.userId });
}

/**
 * The first admin of a database without users, recorded as that admin. `contextOf` gives the
 * context of the admin once made. Checked again inside the write: two windows racing make one.
 */
export async function createFirstAdmin(db: DomainContext['db'], contextOf: (actor: Actor) => DomainContext, input: { name: string; displayName: string; password: string }, now: Date): Promise<Actor> {
  const done = () => new DxError('CONFLICT', '已有用户：请登录 / Users exist already: log in', { reason: 'setup.done' });
  if (hasUsers(db)) throw done();
  const passwordHash = await hashPassword(input.password);
  return db.transaction(() => {
    if (hasUsers(db)) throw done();
    const actor = actorOf(insertUser(db, { name: input.name, displayName: input.displayName, roles: ['admin'], passwordHash }, now));
    contextOf(actor).audit({ action: 'users.createFirstAdmin', subject: actor.userId, data: { name: input.name } });
    return actor;
  }).immediate();
}
