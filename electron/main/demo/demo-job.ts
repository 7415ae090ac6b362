/** The first-run button's job: loads the demo data set in a worker thread with progress. */
import type { DemoResult } from '@shared/api/procedures/assessments';
import type { JobFunction } from '../jobs/job';
import { depsOfConnection } from '../assessments/deps';
import { generateDemo } from './generate-demo';

export const demoLoadJob: JobFunction<{ units?: number; seed?: number }, DemoResult> = (input, context) =>
  generateDemo(depsOfConnection(context.db, context.workstationId, context.now), {
    ...(input.units !== undefined ? { units: input.units } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    progress: (done, total) => context.progress(done, total),
    throwIfCancelled: () => context.throwIfCancelled(),
  });
