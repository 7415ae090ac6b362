// This workstation's keys for a test, made on purpose as `dingxing identity create` does: nothing else makes them.
import { createIdentity } from '../../electron/main/crypto/identity';
import type { UnlockedIdentity } from '../../electron/main/crypto/identity';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import type { CoreServices } from '../../electron/main/api/core-services';

export async function makeKeys(target: { services: CoreServices } | CoreServices, passphrase: string, now?: Date): Promise<UnlockedIdentity> {
  const services = 'services' in target ? target.services : target;
  return createIdentity(services.db, services.workstation, [new PassphraseKeyStore(passphrase)], now ?? services.platform.now());
}
