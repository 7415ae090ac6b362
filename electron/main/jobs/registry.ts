/**
 * Every job a worker can run, by name, each loaded when first run. A worker runs one job: loading
 * only its module (the worker bundle is split per job) spares a units import the ~0.5 s of
 * starting pdfkit, fontkit and node-forge that the certificate jobs need.
 */
import type { JobFunction } from './job';

type JobLoader = () => Promise<JobFunction<never, unknown>>;

export const jobRegistry: Record<string, JobLoader> = {
  'bundles.export': async () => (await import('../bundles/bundle-jobs')).bundleExportJob,
  'bundles.import': async () => (await import('../bundles/bundle-jobs')).bundleImportJob,
  'certificates.batchPdf': async () => (await import('../certificates/batch-job')).certificatesBatchJob,
  'demo.load': async () => (await import('../demo/demo-job')).demoLoadJob,
  'summary.pdf': async () => (await import('../summary/summary-job')).summaryPdfJob,
  'system.integrityCheck': async () => (await import('./integrity-check')).integrityCheckJob,
  'units.importPreview': async () => (await import('../units/import/import-jobs')).unitsImportPreviewJob,
  'units.import': async () => (await import('../units/import/import-jobs')).unitsImportJob,
};

export type JobName = keyof typeof jobRegistry;
