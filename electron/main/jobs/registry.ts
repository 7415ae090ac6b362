/** Every job a worker can run, by name. Each domain adds its own. */
import type { JobFunction } from './job';
import { integrityCheckJob } from './integrity-check';

export const jobRegistry: Record<string, JobFunction<never, unknown>> = {
  'system.integrityCheck': integrityCheckJob,
};

export type JobName = keyof typeof jobRegistry;
