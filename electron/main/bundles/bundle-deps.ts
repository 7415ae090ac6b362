/** The bundle operations as doors and jobs run them: export (this workstation's or the city office's) and import. */
import type { BundleKind } from '@shared/bundle/manifest';
import type { ImportReport } from '@shared/bundle/report';
import type { DomainContext } from '../context/domain-context';
import type { KeyStore } from '../crypto/key-store';
import { unlockedKeys } from '../certificates/signing-keys';
import { exportBundle } from './export-bundle';
import type { WrittenBundle } from './export-bundle';
import { exportCityBundle } from './export-city-bundle';
import { importBundle } from './import-bundle';
import type { BundleLimits } from './limits';
import { signerMaterialOf, signerOf } from './signer';
import type { SignerMaterial } from './signer';

export interface Progress {
  progress?(done: number, total: number, message: string): void;
  throwIfCancelled?(): void;
}

/** Unlocks the workstation key (a passphrase or the OS keychain) for signing a bundle. */
export async function signerMaterial(ctx: Pick<DomainContext, 'db' | 'workstation' | 'now'>, keyStore: KeyStore | null): Promise<SignerMaterial> {
  return signerMaterialOf(await unlockedKeys(ctx, keyStore));
}

/** `city`: the city office's bundle for laptops; otherwise this workstation's own work. */
/** `recordWhenSaved`: the bundle is for a door to hand over; it is recorded as sent once saved (`recordSavedExport`). */
export function exportWith(ctx: DomainContext, input: { out: string; full: boolean; city?: boolean; signer: SignerMaterial; dataDir: string; recordWhenSaved?: boolean }, progress: Progress = {}): Promise<WrittenBundle> {
  const options = { out: input.out, full: input.full, dataDir: input.dataDir, signer: signerOf(input.signer), recordWhenSaved: input.recordWhenSaved, ...progress };
  return input.city === true ? exportCityBundle(ctx, options) : exportBundle(ctx, options);
}

export function importWith(ctx: DomainContext, input: { file: string; dataDir: string; limits?: BundleLimits; kinds?: readonly BundleKind[] }, progress: Progress = {}): Promise<ImportReport> {
  return importBundle(ctx, input.file, { dataDir: input.dataDir, limits: input.limits, kinds: input.kinds, ...progress });
}
