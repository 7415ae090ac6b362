/**
 * The shape of one procedure in the API contract: who may call it, a zod schema each way (checked
 * on the receiving side), and what it does to the database. The dispatcher derives from this
 * definition alone whether a call waits for a writing job, which job runs it and which audit
 * actions it may record; nothing about a procedure is kept in a second list.
 */
import type { z } from 'zod';
import type { Access } from '../domain/roles';
import type { JobName } from './jobs';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, J extends JobName = JobName> {
  summary: string;
  /** Who may call it; the dispatcher refuses everyone else before the handler runs. */
  roles: Access;
  input: I;
  output: O;
  /**
   * The call may change the database. A call that writes on the main connection waits, queued,
   * while a job writes from its worker (its job, if it writes, holds that gate instead).
   */
  writes: boolean;
  /** The job (shared/api/jobs.ts) that does the work in a worker thread; the caller may pass a job id, receives progress events and may cancel. */
  job?: J;
  /** Long work on the main thread (no worker): the caller may pass a job id for progress and cancel. */
  progress?: true;
  /** Every action the call may record in the audit log, as the entry's `action`; none when it records nothing. */
  audit?: readonly string[];
}

export function procedure<I extends z.ZodType, O extends z.ZodType, J extends JobName = never>(def: ProcedureDef<I, O, J>): ProcedureDef<I, O, J> {
  return def;
}

/** Progress of a long job, sent as an event beside the pending call. */
export interface JobProgress {
  jobId: string;
  done: number;
  total: number;
  /** A message key or short text for the user. */
  message?: string;
}
