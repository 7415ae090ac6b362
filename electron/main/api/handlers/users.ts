/** Handlers of the admin's users screen: thin calls into electron/main/users/. */
import type { userProcedures } from '@shared/api/procedures/users';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { addUser, changeUser, resetPassword } from '../../users/account-operations';
import { listUsers, publicUser } from '../../users/user-store';

type UserHandlers = Pick<HandlerMap, keyof typeof userProcedures>;

export function userHandlers(services: CoreServices): UserHandlers {
  const { db, sessions } = services;
  return {
    'users.list': () => listUsers(db).map(publicUser),
    'users.add': async (fields, context) => publicUser(await addUser(context.domain(), fields)),
    'users.update': ({ id, ...changes }, context) => {
      const user = changeUser(context.domain(), id, changes);
      if (user.disabled) sessions.registry.endAllOf(id);
      return publicUser(user);
    },
    'users.resetPassword': async ({ id, password }, context) => {
      const user = await resetPassword(context.domain(), id, password);
      sessions.registry.endAllOf(id);
      return publicUser(user);
    },
  };
}
