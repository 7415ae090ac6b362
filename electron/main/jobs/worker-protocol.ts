/** Messages between the main thread and a job worker. */
import type { ApiErrorShape } from '@shared/api/errors';
import type { JobName } from '@shared/api/jobs';

export interface WorkerRequest {
  name: JobName;
  /** The job's input (JobInput of `name`), structured-cloned into the worker. */
  input: unknown;
  dbFile: string;
  workstationId: string;
  /** Who started the job (a user id or `cli:<account>`), recorded in what it writes. */
  actorId: string;
  /** One Int32: set to 1 to cancel; read by the worker between steps even while it is busy. */
  cancelBuffer: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: ApiErrorShape };
