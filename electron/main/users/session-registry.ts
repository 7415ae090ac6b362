/**
 * Login sessions, held only in memory: a random opaque value per session, the user it stands
 * for, and when it was last used. A session idle for longer than the lock time is locked: only
 * its user's password opens it again, and what the window holds (an open form) stays. Sessions
 * end on logout and when the process ends, so a value from another run is worthless. Each also
 * keeps the password hash its user had when it began (the `stamp`): another program on the same
 * database (the desktop app beside `dingxing serve`) can change the password, and only the stored
 * hash tells this one (users/sessions.ts compares them on every call).
 */
import { randomBytes } from 'node:crypto';
import type { Actor } from '@shared/domain/roles';

export const defaultIdleLockMs = 15 * 60 * 1000;

interface HeldSession {
  userId: string;
  stamp: string;
  lastUsed: number;
  locked: boolean;
}

export interface SessionView {
  userId: string;
  stamp: string;
  locked: boolean;
}

export class SessionRegistry {
  private readonly sessions = new Map<string, HeldSession>();

  constructor(
    readonly idleLockMs: number,
    private readonly now: () => number,
  ) {}

  begin(actor: Actor, stamp: string): string {
    const value = randomBytes(32).toString('base64url');
    this.sessions.set(value, { userId: actor.userId, stamp, lastUsed: this.now(), locked: false });
    return value;
  }

  /** The session behind a value, locking it first if it sat idle too long. */
  look(value: string | null): SessionView | null {
    if (value === null) return null;
    const held = this.sessions.get(value);
    if (!held) return null;
    if (!held.locked && this.now() - held.lastUsed > this.idleLockMs) held.locked = true;
    return { userId: held.userId, stamp: held.stamp, locked: held.locked };
  }

  /** A call went through: the idle clock starts again. */
  touch(value: string): void {
    const held = this.sessions.get(value);
    if (held && !held.locked) held.lastUsed = this.now();
  }

  lock(value: string): void {
    const held = this.sessions.get(value);
    if (held) held.locked = true;
  }

  unlock(value: string): void {
    const held = this.sessions.get(value);
    if (held) {
      held.locked = false;
      held.lastUsed = this.now();
    }
  }

  /** The session's own user changed the password through it: it goes on under the new hash. */
  restamp(value: string | null, stamp: string): void {
    const held = value === null ? undefined : this.sessions.get(value);
    if (held) held.stamp = stamp;
  }

  end(value: string): boolean {
    return this.sessions.delete(value);
  }

  /** A user was disabled or had a password reset: their sessions end everywhere. */
  endAllOf(userId: string): void {
    for (const [value, held] of this.sessions) if (held.userId === userId) this.sessions.delete(value);
  }

  /** A user changed their own password: every other session of theirs ends, the one that changed it stays. Returns how many ended. */
  endOthersOf(userId: string, keep: string | null): number {
    let ended = 0;
    for (const [value, held] of this.sessions) {
      if (held.userId === userId && value !== keep) {
        this.sessions.delete(value);
        ended += 1;
      }
    }
    return ended;
  }
}

/** `DINGXING_IDLE_LOCK_SECONDS` shortens or lengthens the idle lock (a kiosk, a test); anything unreadable keeps 15 minutes. */
export function idleLockMsFrom(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.DINGXING_IDLE_LOCK_SECONDS);
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 24 * 3600 ? seconds * 1000 : defaultIdleLockMs;
}
