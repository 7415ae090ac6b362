/** The first-run button's job: loads the demo data set in a worker thread with progress. */
import type { DemoResult } from '@shared/api/procedures/assessments';
import type { JobFunction } from '../context/job-context';
import { generateDemo } from './generate-demo';

export const demoLoadJob: JobFunction<{ units?: number; cycles?: number; seed?: number }, DemoResult> = (input, context) =>
  generateDemo(context, {
    ...(input.units !== undefined ? { units: input.units } : {}),
    ...(input.cycles !== undefined ? { cycles: input.cycles } : {}),
    ...(input.seed !== undefined ? { seed: input.seed } : {}),
    progress: (done, total) => context.progress(done, total),
    throwIfCancelled: () => context.throwIfCancelled(),
  });
