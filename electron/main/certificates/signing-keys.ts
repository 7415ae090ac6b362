/**
 * What signing and drawing documents needs beyond the domain context: the door's key store (the
 * desktop's keychain, a passphrase, or none) and the PDF fonts; and the keys, unlocked once.
 */
import type { Database } from 'better-sqlite3';
import type { DomainContext } from '../context/domain-context';
import type { KeyStore } from '../crypto/key-store';
import { unlockIdentity } from '../crypto/identity';
import type { UnlockedIdentity } from '../crypto/identity';

export interface DocumentTools {
  /** Null where no way to keep a secret was set up: signing is then refused. */
  keyStore: KeyStore | null;
  fontsDir: string;
}

const unlocked = new WeakMap<Database, Map<KeyStore, Promise<UnlockedIdentity>>>();

/** The unlocked keys, unlocked once per connection and key store; a failed unlock is not kept. */
export function unlockedKeys(ctx: Pick<DomainContext, 'db' | 'workstation' | 'now'>, keyStore: KeyStore | null): Promise<UnlockedIdentity> {
  if (!keyStore) return unlockIdentity(ctx.db, ctx.workstation, null, ctx.now());
  let byStore = unlocked.get(ctx.db);
  if (!byStore) {
    byStore = new Map();
    unlocked.set(ctx.db, byStore);
  }
  let pending = byStore.get(keyStore);
  if (!pending) {
    pending = unlockIdentity(ctx.db, ctx.workstation, keyStore, ctx.now());
    byStore.set(keyStore, pending);
    pending.catch(() => byStore.delete(keyStore));
  }
  return pending;
}
