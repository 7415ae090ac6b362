/** What the certificates module needs from the core and from the door (key store, fonts). */
import type { Database } from 'better-sqlite3';
import type { AuditEntryInput } from '../audit/audit-log';
import type { CoreServices } from '../core-services';
import type { Workstation } from '../workstation/workstation';
import type { KeyStore } from '../crypto/key-store';
import { unlockIdentity } from '../crypto/identity';
import type { UnlockedIdentity } from '../crypto/identity';
import { passphraseKeyStoreFromEnv } from '../crypto/passphrase-key-store';
import { defaultFontsDir } from '../pdf/fonts-dir';

export interface CertificateDeps {
  db: Database;
  workstation: Workstation;
  audit(entry: AuditEntryInput): void;
  now(): Date;
  fontsDir: string;
  /** Folder of evidence files (beside the database). */
  dataDir: string;
  keyStore: KeyStore | null;
}

/**
 * The door's key store and fonts. Until the Platform seam (issue 7) is on this branch, both come
 * from here: the passphrase of DINGXING_KEY_PASSPHRASE and the fonts of build/fonts.
 */
export function certificateDepsOf(services: CoreServices, overrides: Partial<Pick<CertificateDeps, 'keyStore' | 'fontsDir' | 'now'>> = {}): CertificateDeps {
  return {
    db: services.db,
    workstation: services.workstation,
    audit: (entry) => services.audit(entry),
    now: overrides.now ?? (() => new Date()),
    fontsDir: overrides.fontsDir ?? defaultFontsDir(),
    dataDir: services.dataDir,
    keyStore: overrides.keyStore !== undefined ? overrides.keyStore : passphraseKeyStoreFromEnv(),
  };
}

const unlocked = new WeakMap<Database, Map<KeyStore, Promise<UnlockedIdentity>>>();

/** The unlocked keys, unlocked once per connection and key store; a failed unlock is not kept. */
export function unlockedKeys(deps: CertificateDeps): Promise<UnlockedIdentity> {
  const store = deps.keyStore;
  if (!store) return unlockIdentity(deps.db, deps.workstation, null);
  let byStore = unlocked.get(deps.db);
  if (!byStore) {
    byStore = new Map();
    unlocked.set(deps.db, byStore);
  }
  let pending = byStore.get(store);
  if (!pending) {
    pending = unlockIdentity(deps.db, deps.workstation, store, deps.now());
    byStore.set(store, pending);
    pending.catch(() => byStore.delete(store));
  }
  return pending;
}
