/** Handlers of logging in and out, the idle lock and the first admin: thin calls into electron/main/users/. */
import { DxError } from '@shared/api/errors';
import type { sessionProcedures, SessionState } from '@shared/api/procedures/session';
import type { CallContext, HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { authenticate } from '../../users/authenticate';
import { hashPassword, verifyPassword } from '../../users/password-hash';
import { actorOf, getUser, hasUsers, insertUser, setPasswordHash } from '../../users/user-store';

type SessionHandlers = Pick<HandlerMap, keyof typeof sessionProcedures>;

export function sessionHandlers(services: CoreServices): SessionHandlers {
  const { db, sessions } = services;
  const now = () => services.platform.now();

  function state(context: Pick<CallContext, 'session'> & { actor: CallContext['actor'] }): SessionState {
    const locked = context.session !== null && (sessions.registry.look(context.session)?.locked ?? false);
    return {
      user: locked ? sessions.userOf(context.session) : context.actor,
      locked,
      needsSetup: !hasUsers(db),
      idleLockSeconds: Math.round(sessions.registry.idleLockMs / 1000),
    };
  }

  return {
    'session.get': (_input, context) => {
      // A public call carries no resolved actor when locked; look the session up directly.
      const resolved = sessions.resolve({ session: context.session });
      return state({ session: resolved.session, actor: resolved.actor ?? context.actor });
    },
    'session.login': async ({ name, password }, context) => {
      const actor = await authenticate(db, name, password, now(), sessions.unknownNames);
      if (context.session !== null) sessions.registry.end(context.session);
      const session = sessions.begin(actor);
      services.audit({ actor: actor.userId, action: 'session.login', subject: actor.userId });
      return { session, user: actor };
    },
    'session.logout': (_input, context) => {
      if (context.session === null) return { loggedOut: false };
      const user = sessions.userOf(context.session);
      const ended = sessions.registry.end(context.session);
      if (ended && user) services.audit({ actor: user.userId, action: 'session.logout', subject: user.userId });
      return { loggedOut: ended };
    },
    'session.lock': (_input, context) => {
      if (context.session !== null) sessions.registry.lock(context.session);
      return state({ session: context.session, actor: context.actor });
    },
    'session.unlock': async ({ password }, context) => {
      const held = sessions.resolve({ session: context.session });
      const user = sessions.userOf(held.session);
      if (held.session === null || user === null) {
        throw new DxError('UNAUTHORIZED', '会话已结束，请重新登录 / The session has ended; log in again', { reason: 'auth.required' });
      }
      // The same counter and lockout as the login screen: unlocking is a password guess too.
      await authenticate(db, user.name, password, now(), sessions.unknownNames);
      sessions.registry.unlock(held.session);
      return state({ session: held.session, actor: user });
    },
    'session.changePassword': async ({ current, next }, context) => {
      const actor = requireActor(context);
      const user = getUser(db, actor.userId);
      if (!(await verifyPassword(current, user.passwordHash))) {
        throw new DxError('BAD_INPUT', '当前密码不正确 / The current password is wrong', {
          reason: 'auth.currentPasswordWrong',
          issues: [{ path: ['current'], message: 'wrong password' }],
        });
      }
      const changed = setPasswordHash(db, user.id, await hashPassword(next), now());
      sessions.registry.restamp(context.session, changed.passwordHash);
      // Whoever else held this account (a window left open elsewhere, a stolen session) is out;
      // another program's sessions of it end at their next call, their stamp no longer matching.
      const endedSessions = sessions.registry.endOthersOf(actor.userId, context.session);
      services.audit({ actor: actor.userId, action: 'users.changePassword', subject: actor.userId, data: { endedSessions } });
      return { changed: true };
    },
    'setup.createAdmin': async ({ name, displayName, password }, context) => {
      if (hasUsers(db)) {
        throw new DxError('CONFLICT', '已有用户：请登录 / Users exist already: log in', { reason: 'setup.done' });
      }
      const passwordHash = await hashPassword(password);
      // Checked again inside the write: two windows racing to create the first admin make one.
      if (hasUsers(db)) throw new DxError('CONFLICT', '已有用户：请登录 / Users exist already: log in', { reason: 'setup.done' });
      const user = insertUser(db, { name, displayName, roles: ['admin'], passwordHash }, now(), (added) =>
        services.audit({ actor: added.id, action: 'users.createFirstAdmin', subject: added.id, data: { name } }),
      );
      const actor = actorOf(user);
      if (context.session !== null) sessions.registry.end(context.session);
      return { session: sessions.begin(actor), user: actor };
    },
  };
}
