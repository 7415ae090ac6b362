/**
 * Logging in: a name and a password against the stored scrypt hash. A wrong password and an
 * unknown name get the same answer and take the same time; five wrong passwords in a row lock the
 * account for 15 minutes; a disabled or locked account cannot log in. Five wrong logins under an
 * unknown name lock that name the same way (counted in memory only), so "locked" does not tell
 * that an account exists.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { Actor } from '@shared/domain/roles';
import { decoyHash, verifyPassword } from './password-hash';
import { UnknownNameLockouts } from './unknown-name-lockouts';
import { actorOf, clearFailedLogins, findUserByName, recordFailedLogin } from './user-store';

export const failedLoginLimit = 5;
export const loginLockoutMs = 15 * 60 * 1000;

function wrongCredentials(): DxError {
  return new DxError('UNAUTHORIZED', '用户名或密码错误 / Wrong name or password', { reason: 'auth.wrongCredentials' });
}

function accountLocked(until: string): DxError {
  return new DxError('UNAUTHORIZED', `账户已锁定，请于 ${until} 之后再试 / The account is locked until ${until}`, {
    reason: 'auth.accountLocked',
    params: { until },
  });
}

/** The process's own count of unknown names, for callers that hold none of their own. */
const processUnknownNames = new UnknownNameLockouts();

export async function authenticate(db: Database, name: string, password: string, now: Date, unknownNames: UnknownNameLockouts = processUnknownNames): Promise<Actor> {
  const user = findUserByName(db, name);
  if (!user) {
    // The same work as a real account's check, locked or not, so time tells nothing either.
    await verifyPassword(password, decoyHash);
    const lockedUntil = unknownNames.lockedUntil(name, now.getTime());
    if (lockedUntil !== null) throw accountLocked(new Date(lockedUntil).toISOString());
    unknownNames.recordFailure(name, failedLoginLimit, now.getTime() + loginLockoutMs);
    throw wrongCredentials();
  }
  if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()) {
    await verifyPassword(password, decoyHash);
    throw accountLocked(user.lockedUntil);
  }
  const matches = await verifyPassword(password, user.passwordHash);
  if (!matches) {
    recordFailedLogin(db, user.id, failedLoginLimit, new Date(now.getTime() + loginLockoutMs));
    throw wrongCredentials();
  }
  if (user.disabled) {
    throw new DxError('UNAUTHORIZED', '此账户已停用，请联系管理员 / This account is disabled; ask an admin', { reason: 'auth.accountDisabled' });
  }
  clearFailedLogins(db, user.id);
  return actorOf(user);
}
