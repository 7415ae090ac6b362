/** Runs one registered job against a connection; shared by the worker thread and inline mode. */
import { DxError } from '@shared/api/errors';
import { jobs } from '@shared/api/jobs';
import type { JobName } from '@shared/api/jobs';
import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/roles';
import { domainContext } from '../context/domain-context';
import type { Workstation } from '../workstation/workstation';
import type { JobFunction } from '../context/job-context';
import { jobRegistry } from './registry';
import type { JobInput, JobOutput } from './registry';

export interface ExecuteJobOptions<N extends JobName> {
  db: Database;
  workstation: Workstation;
  actor: Actor;
  /** The audit actions the procedure that runs the job declares. */
  actions: readonly string[];
  /** The job's clock: the core's (in a worker: running on from the main thread's clock when the job began). */
  now(): Date;
  name: N;
  input: JobInput<N>;
  isCancelled(): boolean;
  progress(done: number, total: number, message?: string): void;
}

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(jobs, name);
}

export async function executeJob<N extends JobName>(options: ExecuteJobOptions<N>): Promise<JobOutput<N>> {
  if (!isJobName(options.name)) throw new DxError('NOT_FOUND', `Unknown job ${String(options.name)}`);
  // The registry pairs each name with its function; TypeScript cannot follow that pairing through a generic index.
  const job = (await jobRegistry[options.name]()) as unknown as JobFunction<JobInput<N>, JobOutput<N>>;
  return job(options.input, {
    ...domainContext({ db: options.db, workstation: options.workstation, now: options.now }, options.actor, options.actions),
    progress: options.progress,
    throwIfCancelled() {
      if (options.isCancelled()) throw new DxError('CANCELLED', `${options.name} was cancelled`);
    },
  });
}
