/** Handlers of the admin's users screen: thin calls into electron/main/users/. */
import type { userProcedures } from '@shared/api/procedures/users';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { hashPassword } from '../../users/password-hash';
import { insertUser, listUsers, publicUser, setPasswordHash, updateUser } from '../../users/user-store';

type UserHandlers = Pick<HandlerMap, keyof typeof userProcedures>;

export function userHandlers(services: CoreServices): UserHandlers {
  const { db, sessions } = services;
  const now = () => services.platform.now();
  return {
    'users.list': () => listUsers(db).map(publicUser),
    'users.add': async ({ password, ...fields }, context) => {
      const actor = requireActor(context);
      const user = insertUser(db, { ...fields, passwordHash: await hashPassword(password) }, now(), (added) =>
        services.audit({ actor: actor.userId, action: 'users.add', subject: added.id, data: { name: added.name, roles: added.roles } }),
      );
      return publicUser(user);
    },
    'users.update': ({ id, ...changes }, context) => {
      const actor = requireActor(context);
      const user = updateUser(db, id, changes, now());
      if (user.disabled) sessions.registry.endAllOf(id);
      services.audit({ actor: actor.userId, action: 'users.update', subject: id, data: { ...changes } });
      return publicUser(user);
    },
    'users.resetPassword': async ({ id, password }, context) => {
      const actor = requireActor(context);
      const user = setPasswordHash(db, id, await hashPassword(password), now());
      sessions.registry.endAllOf(id);
      services.audit({ actor: actor.userId, action: 'users.resetPassword', subject: id });
      return publicUser(user);
    },
  };
}
