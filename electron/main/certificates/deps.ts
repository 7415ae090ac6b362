/** What the certificates module needs from the core and from the door (key store, fonts). */
import type { Database } from 'better-sqlite3';
import type { AuditEntryInput } from '../audit/audit-log';
import type { CoreServices } from '../core-services';
import type { Workstation } from '../workstation/workstation';
import type { KeyStore } from '../crypto/key-store';
import { unlockedKeys as heldKeys } from '../crypto/workstation-keys';
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

/** The unlocked keys (held after a leader or admin unlocked them, or opened by the door's key store); never makes them. */
export function unlockedKeys(deps: CertificateDeps): Promise<UnlockedIdentity> {
  return heldKeys(deps);
}
