/**
 * Every job a worker can run (shared/api/jobs.ts names them), each loaded when first run. A worker
 * runs one job: loading only its module (the worker bundle is split per job) spares a units
 * import the ~0.5 s of starting pdfkit, fontkit and node-forge that the certificate jobs need.
 * The map is typed: a job's input and result are those of its function, for callers and worker alike.
 */
import type { JobName } from '@shared/api/jobs';
import type { JobFunction } from '../context/job-context';

// `never` input: any job function is assignable, whatever it takes.
type JobLoader = () => Promise<JobFunction<never, unknown>>;

export const jobRegistry = {
  'bundles.export': async () => (await import('../bundles/bundle-jobs')).bundleExportJob,
  'bundles.import': async () => (await import('../bundles/bundle-jobs')).bundleImportJob,
  'certificates.batchPdf': async () => (await import('../certificates/batch-job')).certificatesBatchJob,
  'demo.load': async () => (await import('../demo/demo-job')).demoLoadJob,
  'summary.pdf': async () => (await import('../summary/summary-job')).summaryPdfJob,
  'system.integrityCheck': async () => (await import('./integrity-check')).integrityCheckJob,
  'units.importPreview': async () => (await import('../units-import/import-jobs')).unitsImportPreviewJob,
  'units.import': async () => (await import('../units-import/import-jobs')).unitsImportJob,
} satisfies Record<JobName, JobLoader>;

type JobOf<N extends JobName> = Awaited<ReturnType<(typeof jobRegistry)[N]>>;
export type JobInput<N extends JobName> = Parameters<JobOf<N>>[0];
export type JobOutput<N extends JobName> = Awaited<ReturnType<JobOf<N>>>;
