// Callers for tests that go through the dispatcher: an actor the test vouches for, as the CLI does.
import type { Actor, Role } from '@shared/domain/roles';
import { roles } from '@shared/domain/roles';
import type { Caller } from '../../electron/main/api/dispatch';

export function actorWith(name: string, ...actorRoles: Role[]): Actor {
  return { userId: `test:${name}`, name, displayName: name, roles: actorRoles };
}

export const leaderActor = actorWith('王组长', 'leader');
export const inspectorActor = actorWith('李检查员', 'inspector');
export const adminActor = actorWith('管理员', 'admin');
/** Every role, like the command line: for tests about something other than who may call. */
export const anyone: Caller = { actor: actorWith('测试', ...roles) };
export const asLeader: Caller = { actor: leaderActor };
export const asInspector: Caller = { actor: inspectorActor };
export const asAdmin: Caller = { actor: adminActor };
export const nobody: Caller = { session: null };

/** A dispatcher's caller resolution without sessions: actors the test vouches for, nobody else. */
export function resolveTrusted(caller: Caller) {
  return 'actor' in caller ? { actor: caller.actor, session: null, locked: false } : { actor: null, session: null, locked: false };
}
