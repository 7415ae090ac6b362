/**
 * A job: work that may take longer than ~50 ms, so it runs in a worker thread with its own
 * database connection while the main thread keeps answering. Jobs are plain functions of
 * (connection, input, progress) and are listed in ./registry.ts.
 */
import type { Database } from 'better-sqlite3';

export interface JobContext {
  db: Database;
  workstationId: string;
  /** Who started the job (a user id or `cli:<account>`), recorded in what it writes. */
  actorId: string;
  /** The core's clock (in a worker: started from the main thread's clock when the job began). */
  now(): Date;
  progress(done: number, total: number, message?: string): void;
  /** Throws CANCELLED when the caller cancelled; call between steps. */
  throwIfCancelled(): void;
}

export type JobFunction<I = unknown, O = unknown> = (input: I, context: JobContext) => O | Promise<O>;
