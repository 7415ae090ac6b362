/** The worker thread's entry (bundled to dist/jobs-worker.mjs): runs one job and reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { DxError } from '@shared/api/errors';
import { toErrorShape } from '../db/error-shape';
import { executeJob, isJobName } from './execute-job';
import type { JobInput } from './registry';
import { openWorkerConnection } from './worker-connection';
import { clockStartingAt } from '../platform/platform';
import type { WorkerRequest, WorkerMessage } from './worker-protocol';

const request = workerData as WorkerRequest;
const cancelFlag = new Int32Array(request.cancelBuffer);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = openWorkerConnection(request.dbFile);
try {
  if (!isJobName(request.name)) throw new DxError('NOT_FOUND', `Unknown job ${String(request.name)}`);
  const value = await executeJob({
    db,
    workstation: request.workstation,
    actor: request.actor,
    actions: request.actions,
    now: clockStartingAt(new Date(request.startedAt)),
    name: request.name,
    // The structured clone of what runJob sent for this very job.
    input: request.input as JobInput<typeof request.name>,
    isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
    progress: (done, total, message) => post({ type: 'progress', done, total, ...(message === undefined ? {} : { message }) }),
  });
  post({ type: 'done', value });
} catch (error) {
  post({ type: 'error', error: error instanceof DxError ? error.toJSON() : toErrorShape(error) });
} finally {
  db.close();
}
