/** Handlers of the workstation's keys, name and verification address: thin calls into electron/main/crypto/ and electron/main/workstation/. */
import type { workstationProcedures } from '@shared/api/procedures/workstation';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { createKeys, keysStatus, lockKeys, renameHeldKeys, unlockKeys } from '../../crypto/workstation-keys';
import { verificationAddress } from '../../workstation/workstation';
import { changeVerificationAddress, nameWorkstation } from '../../settings/workstation-settings';

type WorkstationHandlers = Pick<HandlerMap, keyof typeof workstationProcedures>;

export function workstationHandlers(services: CoreServices): WorkstationHandlers {
  const { db, workstation, platform } = services;
  return {
    'keys.status': () => keysStatus({ db, workstation, keyStore: platform.keyStore }),
    'keys.create': ({ passphrase }, context) => createKeys(context.domain(), platform.keyStore, passphrase),
    'keys.unlock': ({ passphrase }, context) => unlockKeys(context.domain(), platform.keyStore, passphrase),
    'keys.lock': (_input, context) => lockKeys(context.domain(), platform.keyStore),
    'verification.address': () => verificationAddress(db),
    'verification.setAddress': ({ address }, context) => changeVerificationAddress(context.domain(), address),
    'workstation.setName': ({ name }, context) => {
      const named = nameWorkstation(context.domain(), name);
      renameHeldKeys(db, named.name);
      return named;
    },
  };
}
