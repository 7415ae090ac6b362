/** Every job a worker can run, by name. Each domain adds its own. */
import type { JobFunction } from './job';
import { integrityCheckJob } from './integrity-check';
import { unitsImportJob, unitsImportPreviewJob } from '../units/import/import-jobs';
import { demoLoadJob } from '../demo/demo-job';
import { bundleExportJob, bundleImportJob } from '../bundles/bundle-jobs';
import { certificatesBatchJob } from '../certificates/batch-job';
import { summaryPdfJob } from '../summary/summary-job';

export const jobRegistry: Record<string, JobFunction<never, unknown>> = {
  'bundles.export': bundleExportJob,
  'bundles.import': bundleImportJob,
  'certificates.batchPdf': certificatesBatchJob,
  'demo.load': demoLoadJob,
  'summary.pdf': summaryPdfJob,
  'system.integrityCheck': integrityCheckJob,
  'units.importPreview': unitsImportPreviewJob,
  'units.import': unitsImportJob,
};

export type JobName = keyof typeof jobRegistry;
