/**
 * Bundle export and import as jobs: they run in a worker with its own connection, so the window
 * keeps answering during a 10,000-assessment import, and report progress; a cancel during the
 * merge rolls the transaction back.
 */
import type { BundleKind } from '@shared/bundle/manifest';
import type { ImportReport } from '@shared/bundle/report';
import type { JobFunction } from '../context/job-context';
import { exportWith, importWith } from './bundle-deps';
import type { WrittenBundle } from './export-bundle';
import type { SignerMaterial } from './signer';

export interface ExportJobInput {
  out: string;
  full: boolean;
  city?: boolean;
  signer: SignerMaterial;
  dataDir: string;
  /** Set by the doors: the bundle is recorded as sent once the caller has saved the download. */
  recordWhenSaved?: boolean;
}

export interface ImportJobInput {
  file: string;
  kinds?: BundleKind[];
  dataDir: string;
}

export const bundleExportJob: JobFunction<ExportJobInput, WrittenBundle> = (input, context) =>
  exportWith(context, { out: input.out, full: input.full, city: input.city, signer: input.signer, dataDir: input.dataDir, recordWhenSaved: input.recordWhenSaved }, { progress: context.progress, throwIfCancelled: context.throwIfCancelled });

export const bundleImportJob: JobFunction<ImportJobInput, ImportReport> = (input, context) =>
  importWith(context, { file: input.file, kinds: input.kinds, dataDir: input.dataDir }, { progress: context.progress, throwIfCancelled: context.throwIfCancelled });
