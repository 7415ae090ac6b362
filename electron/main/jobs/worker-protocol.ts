/** Messages between the main thread and a job worker. */
import type { ApiErrorShape } from '@shared/api/errors';

export interface WorkerRequest {
  name: string;
  input: unknown;
  dbFile: string;
  workstationId: string;
  /** Who started the job (a user id or `cli:<account>`), recorded in what it writes. */
  actorId: string;
  /** The main thread's clock when the job started (ISO); the worker's clock runs on from it. */
  startedAt: string;
  /** One Int32: set to 1 to cancel; read by the worker between steps even while it is busy. */
  cancelBuffer: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number; message?: string }
  | { type: 'done'; value: unknown }
  | { type: 'error'; error: ApiErrorShape };
