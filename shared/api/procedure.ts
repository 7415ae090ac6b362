/** The shape of one procedure in the API contract: a zod schema each way, checked on the receiving side. */
import type { z } from 'zod';
import type { Access } from '../domain/roles';

export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  /** Who may call it; the dispatcher refuses everyone else before the handler runs. */
  roles: Access;
  input: I;
  output: O;
  /** Long work: the caller may pass a job id, receives progress events and may cancel. */
  job?: boolean;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
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
