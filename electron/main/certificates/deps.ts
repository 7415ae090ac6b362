/** What the certificates module needs from the core and from the door (key store, fonts). */
import type { Database } from 'better-sqlite3';
import type { AuditEntryInput } from '../audit/audit-log';
import type { CoreServices } from '../core-services';
import type { Workstation } from '../workstation/workstation';
import type { KeyStore } from '../crypto/key-store';
import { unlockIdentity } from '../crypto/identity';
import type { UnlockedIdentity } from '../crypto/identity';

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

/** The door's key store, fonts and clock come from the platform; tests may override them. */
export function certificateDepsOf(services: CoreServices, overrides: Partial<Pick<CertificateDeps, 'keyStore' | 'fontsDir' | 'now'>> = {}): CertificateDeps {
  const platform = services.platform;
  return {
    db: services.db,
    workstation: services.workstation,
    audit: (entry) => services.audit(entry),
    now: overrides.now ?? (() => platform.now()),
    fontsDir: overrides.fontsDir ?? platform.fontsDir,
    dataDir: services.dataDir,
    keyStore: overrides.keyStore !== undefined ? overrides.keyStore : platform.keyStore,
  };
}

const unlocked = new WeakMap<Database, Map<KeyStore, Promise<UnlockedIdentity>>>();

/** The unlocked keys, unlocked once per connection and key store; a failed unlock is not kept. */
export function unlockedKeys(deps: CertificateDeps): Promise<UnlockedIdentity> {
  const store = deps.keyStore;
  if (!store) return unlockIdentity(deps.db, deps.workstation, null, deps.now());
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
