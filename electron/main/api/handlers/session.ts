/** Handlers of logging in and out, the idle lock and the first admin: thin calls into electron/main/users/. */
import { DxError } from '@shared/api/errors';
import type { sessionProcedures, SessionState } from '@shared/api/procedures/session';
import type { CallContext, HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { changeOwnPassword, createFirstAdmin, recordLogin, recordLogout } from '../../users/account-operations';
import { authenticate } from '../../users/authenticate';
import { hasUsers } from '../../users/user-store';

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
      recordLogin(context.domain(actor));
      return { session, user: actor };
    },
    'session.logout': (_input, context) => {
      if (context.session === null) return { loggedOut: false };
      const user = sessions.userOf(context.session);
      const ended = sessions.registry.end(context.session);
      if (ended && user) recordLogout(context.domain(user));
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
      // Whoever else held this account (a window left open elsewhere, a stolen session) is out;
      // another program's sessions of it end at their next call, their stamp no longer matching.
      const ctx = context.domain();
      const passwordHash = await changeOwnPassword(ctx, current, next, () => sessions.registry.endOthersOf(ctx.actor.userId, context.session));
      sessions.registry.restamp(context.session, passwordHash);
      return { changed: true };
    },
    'setup.createAdmin': async (input, context) => {
      const actor = await createFirstAdmin(db, (admin) => context.domain(admin), input, now());
      if (context.session !== null) sessions.registry.end(context.session);
      return { session: sessions.begin(actor), user: actor };
    },
  };
}
