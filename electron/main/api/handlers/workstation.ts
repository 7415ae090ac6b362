/** Handlers of the workstation's keys and name: thin calls into electron/main/crypto/ and electron/main/workstation/. */
import type { workstationProcedures } from '@shared/api/procedures/workstation';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { certificateDepsOf } from '../../certificates/deps';
import { createKeys, keysStatus, lockKeys, renameHeldKeys, unlockKeys } from '../../crypto/workstation-keys';
import { setVerificationAddress, setWorkstationName, verificationAddress } from '../../workstation/workstation';

type WorkstationHandlers = Pick<HandlerMap, keyof typeof workstationProcedures>;

export function workstationHandlers(services: CoreServices): WorkstationHandlers {
  const deps = certificateDepsOf(services);
  return {
    'keys.status': () => keysStatus(deps),
    'keys.create': ({ passphrase }, context) => createKeys(deps, passphrase, requireActor(context).userId),
    'keys.unlock': ({ passphrase }, context) => unlockKeys(deps, passphrase, requireActor(context).userId),
    'keys.lock': (_input, context) => lockKeys(deps, requireActor(context).userId),
    'verification.address': () => verificationAddress(services.db),
    'verification.setAddress': ({ address }, context) => {
      const actor = requireActor(context);
      services.db.transaction(() => {
        setVerificationAddress(services.db, address, services.platform.now().toISOString());
        services.audit({ actor: actor.userId, action: 'verification.setAddress', subject: services.workstation.id, data: { address } });
      }).immediate();
      return verificationAddress(services.db);
    },
    'workstation.setName': ({ name }, context) => {
      const actor = requireActor(context);
      const previous = services.workstation.name;
      services.db.transaction(() => {
        setWorkstationName(services.db, services.workstation, name, services.platform.now());
        services.audit({ actor: actor.userId, action: 'workstation.setName', subject: services.workstation.id, data: { name, previous } });
      }).immediate();
      renameHeldKeys(services.db, name);
      return { id: services.workstation.id, name: services.workstation.name, named: services.workstation.named };
    },
  };
}
