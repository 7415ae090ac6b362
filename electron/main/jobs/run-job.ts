/**
 * Runs a registered job off the main thread: in a worker with its own connection (WAL lets it
 * read and write beside the main connection), or inline where no worker bundle exists (unit tests).
 * A job that writes (shared/api/jobs.ts) holds the write gate while it runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DxError } from '@shared/api/errors';
import { jobWrites } from '@shared/api/jobs';
import type { JobName } from '@shared/api/jobs';
import type { Database } from 'better-sqlite3';
import type { Actor } from '@shared/domain/roles';
import type { Workstation } from '../workstation/workstation';
import { packageRoot } from '../platform/renderer-dir';
import { executeJob } from './execute-job';
import type { JobInput, JobOutput } from './registry';
import type { WriteGate } from './write-gate';
import type { WorkerMessage, WorkerRequest } from './worker-protocol';
import type { JobMode } from './job-mode';

export type { JobMode };

export function workerBundle(): string {
  return path.join(packageRoot(), 'dist', 'jobs-worker.mjs');
}

export function defaultJobMode(): JobMode {
  return fs.existsSync(workerBundle()) ? 'worker' : 'inline';
}

/** Where jobs run: the main connection (inline) or the database file a worker opens. */
export interface JobHost {
  db: Database;
  dbFile: string;
  workstation: Workstation;
  jobMode: JobMode;
  /** The door's clock; a job reads it once, as it starts. */
  now(): Date;
  writeGate: WriteGate;
}

/** The call a job runs for: who started it, its cancel signal and where progress goes. */
export interface JobCall {
  /** Who started the job (a user or `cli:<account>`), recorded in what it writes. */
  actor: Actor;
  /** The audit actions the procedure that runs the job declares. */
  actions: readonly string[];
  signal: AbortSignal;
  progress(done: number, total: number, message?: string): void;
}

export function runJob<N extends JobName>(host: JobHost, name: N, input: JobInput<N>, call: JobCall, mode: JobMode = host.jobMode): Promise<JobOutput<N>> {
  if (mode === 'inline') {
    return executeJob({
      db: host.db,
      workstation: host.workstation,
      actor: call.actor,
      actions: call.actions,
      now: () => host.now(),
      name,
      input,
      isCancelled: () => call.signal.aborted,
      progress: call.progress,
    });
  }
  // Cancelled before it started: an abort event already fired would never reach the worker.
  if (call.signal.aborted) return Promise.reject(new DxError('CANCELLED', `${name} was cancelled`));
  const cancelBuffer = new SharedArrayBuffer(4);
  const request: WorkerRequest = { name, input, dbFile: host.dbFile, workstation: host.workstation, actor: call.actor, actions: call.actions, startedAt: host.now().toISOString(), cancelBuffer };
  return new Promise((resolve, reject) => {
    // A job writing from its own connection holds the gate: main-thread writes queue behind it.
    const release = jobWrites(name) ? host.writeGate.hold(name) : () => undefined;
    const worker = new Worker(workerBundle(), { workerData: request });
    const cancel = () => Atomics.store(new Int32Array(cancelBuffer), 0, 1);
    call.signal.addEventListener('abort', cancel, { once: true });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      call.signal.removeEventListener('abort', cancel);
      release();
      action();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') call.progress(message.done, message.total, message.message);
      // The worker ran this very job on this input: its result is the job's output, structured-cloned.
      else if (message.type === 'done') finish(() => resolve(message.value as JobOutput<N>));
      else finish(() => reject(DxError.from(message.error)));
    });
    worker.on('error', (error) => finish(() => reject(new DxError('INTERNAL', `Job ${name} crashed: ${error.message}`))));
    worker.on('exit', (code) => finish(() => reject(new DxError('INTERNAL', `Job ${name} stopped with code ${code}`))));
  });
}
