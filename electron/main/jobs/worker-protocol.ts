/** Messages between the main thread and a job worker. */
import type { ApiErrorShape } from '@shared/api/errors';
import type { JobName } from '@shared/api/jobs';
import type { Actor } from '@shared/domain/roles';
import type { Workstation } from '../workstation/workstation';

export interface WorkerRequest {
  name: JobName;
  /** The job's input (JobInput of `name`), structured-cloned into the worker. */
  input: unknown;
  dbFile: string;
  workstation: Workstation;
  /** Who started the job (a user or `cli:<account>`), recorded in what it writes. */
  actor: Actor;
  /** The audit actions the procedure that runs the job declares. */
  actions: readonly string[];
  /** The main thread's clock when the job started (ISO); the worker's clock runs on from it. */
  startedAt: string;
  /** One Int32: set to 1 to cancel; read by the worker between steps even while it is busy. */
  cancelBuffer: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: ApiErrorShape };
