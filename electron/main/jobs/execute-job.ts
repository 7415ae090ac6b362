/** Runs one registered job against a connection; shared by the worker thread and inline mode. */
import { DxError } from '@shared/api/errors';
import type { Database } from 'better-sqlite3';
import { jobRegistry } from './registry';

export interface ExecuteJobOptions {
  db: Database;
  workstationId: string;
  actorId: string;
  now(): Date;
  name: string;
  input: unknown;
  isCancelled(): boolean;
  progress(done: number, total: number, message?: string): void;
}

export async function executeJob(options: ExecuteJobOptions): Promise<unknown> {
  const load = Object.hasOwn(jobRegistry, options.name) ? jobRegistry[options.name] : undefined;
  if (!load) throw new DxError('NOT_FOUND', `Unknown job ${options.name}`);
  const job = (await load()) as (input: unknown, context: unknown) => unknown;
  return job(options.input, {
    db: options.db,
    workstationId: options.workstationId,
    actorId: options.actorId,
    now: options.now,
    progress: options.progress,
    throwIfCancelled() {
      if (options.isCancelled()) throw new DxError('CANCELLED', `${options.name} was cancelled`);
    },
  });
}
