/**
 * What signing and drawing documents needs beyond the domain context: the door's key store (the
 * desktop's keychain, a passphrase, or none) and the PDF fonts; and the keys, unlocked.
 */
import type { DomainContext } from '../context/domain-context';
import type { KeyStore } from '../crypto/key-store';
import type { UnlockedIdentity } from '../crypto/identity';
import { unlockedKeys as heldKeys } from '../crypto/workstation-keys';

export interface DocumentTools {
  /** Null where no way to keep a secret was set up: signing is then refused unless a person unlocked the keys. */
  keyStore: KeyStore | null;
  fontsDir: string;
}

/** The unlocked keys (held after a leader or admin unlocked them, or opened by the door's key store); never makes them. */
export function unlockedKeys(ctx: Pick<DomainContext, 'db' | 'workstation'>, keyStore: KeyStore | null): Promise<UnlockedIdentity> {
  return heldKeys({ db: ctx.db, workstation: ctx.workstation, keyStore });
}
