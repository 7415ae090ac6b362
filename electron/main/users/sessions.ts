/**
 * Turns what a door knows about its caller into an actor: a session value (serve's header, a
 * window's binding in Electron) is looked up in memory and its user read from the database, so a
 * role change, a disabled account or a password changed by another program on the same database
 * takes effect on the very next call.
 */
import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/roles';
import { SessionRegistry } from './session-registry';
import { UnknownNameLockouts } from './unknown-name-lockouts';
import { actorOf, findUser } from './user-store';

/** Who is calling, as the door saw it: a session value, or an actor the door vouches for (CLI, tests). */
export type Caller = { session: string | null } | { actor: Actor };

export interface ResolvedCaller {
  actor: Actor | null;
  /** The session value the call came with, if it names a live session. */
  session: string | null;
  locked: boolean;
}

export class Sessions {
  readonly registry: SessionRegistry;
  /** Wrong logins under names nobody has, in memory only (users/unknown-name-lockouts.ts). */
  readonly unknownNames = new UnknownNameLockouts();

  constructor(
    private readonly db: Database,
    idleLockMs: number,
    now: () => number = Date.now,
  ) {
    this.registry = new SessionRegistry(idleLockMs, now);
  }

  resolve(caller: Caller): ResolvedCaller {
    if ('actor' in caller) return { actor: caller.actor, session: null, locked: false };
    const view = this.registry.look(caller.session);
    if (view === null || caller.session === null) return { actor: null, session: null, locked: false };
    const user = findUser(this.db, view.userId);
    if (!user || user.disabled || user.passwordHash !== view.stamp) {
      this.registry.end(caller.session);
      return { actor: null, session: null, locked: false };
    }
    return { actor: view.locked ? null : actorOf(user), session: caller.session, locked: view.locked };
  }

  /** A new session for a user who just proved their password, stamped with its current hash. */
  begin(actor: Actor): string {
    const user = findUser(this.db, actor.userId);
    if (!user) throw new Error(`no user ${actor.userId}`);
    return this.registry.begin(actor, user.passwordHash);
  }

  /** The user behind a session even while it is locked (to unlock it, or to show who is locked out). */
  userOf(session: string | null): Actor | null {
    const view = this.registry.look(session);
    if (!view || session === null) return null;
    const user = findUser(this.db, view.userId);
    if (!user || user.disabled || user.passwordHash !== view.stamp) {
      this.registry.end(session);
      return null;
    }
    return actorOf(user);
  }
}
