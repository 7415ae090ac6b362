/**
 * Runs a registered job off the main thread: in a worker with its own connection (WAL lets it
 * read and write beside the main connection), or inline where no worker bundle exists (unit tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DxError } from '@shared/api/errors';
import type { CallContext } from '../api/dispatch';
import type { CoreServices } from '../core-services';
import { packageRoot } from '../renderer-dir';
import { executeJob } from './execute-job';
import { writingJobs } from './write-gate';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';
import type { JobMode } from './job-mode';

export type { JobMode };

export function workerBundle(): string {
  return path.join(packageRoot(), 'dist', 'jobs-worker.mjs');
}

export function defaultJobMode(): JobMode {
  return fs.existsSync(workerBundle()) ? 'worker' : 'inline';
}

/** Jobs record who started them; a public procedure never starts one, so `system` is only a fallback. */
function actorIdOf(context: CallContext): string {
  return context.actor?.userId ?? 'system';
}

export function runJob(services: CoreServices, name: string, input: unknown, context: CallContext, mode: JobMode = services.jobMode): Promise<unknown> {
  if (mode === 'inline') {
    return executeJob({
      db: services.db,
      workstationId: services.workstation.id,
      actorId: actorIdOf(context),
      now: () => services.platform.now(),
      name,
      input,
      isCancelled: () => context.signal.aborted,
      progress: context.progress,
    });
  }
  // Cancelled before it started: an abort event already fired would never reach the worker.
  if (context.signal.aborted) return Promise.reject(new DxError('CANCELLED', `${name} was cancelled`));
  const cancelBuffer = new SharedArrayBuffer(4);
  const request: WorkerRequest = { name, input, dbFile: services.dbFile, workstationId: services.workstation.id, actorId: actorIdOf(context), startedAt: services.platform.now().toISOString(), cancelBuffer };
  return new Promise((resolve, reject) => {
    // A job writing from its own connection holds the gate: main-thread writes queue behind it.
    const release = writingJobs.has(name) ? services.writeGate.hold(name) : () => undefined;
    const worker = new Worker(workerBundle(), { workerData: request });
    const cancel = () => Atomics.store(new Int32Array(cancelBuffer), 0, 1);
    context.signal.addEventListener('abort', cancel, { once: true });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      context.signal.removeEventListener('abort', cancel);
      release();
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') context.progress(message.done, message.total, message.message);
      else if (message.type === 'done') finish(() => resolve(message.value));
      else finish(() => reject(DxError.from(message.error)));
    });
    worker.on('error', (error) => finish(() => reject(new DxError('INTERNAL', `Job ${name} crashed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new DxError('INTERNAL', `Job ${name} stopped with code ${code}`))));
  });
}
