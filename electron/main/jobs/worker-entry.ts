/** The worker thread's entry (bundled to dist/jobs-worker.mjs): runs one job and reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { DxError } from '@shared/api/errors';
import { toErrorShape } from '../api/error-shape';
import { executeJob } from './execute-job';
import { openWorkerConnection } from './worker-connection';
import { clockStartingAt } from '../platform';
import type { WorkerRequest, WorkerMessage } from './worker-protocol';

const request = workerData as WorkerRequest;
const cancelFlag = new Int32Array(request.cancelBuffer);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);

const db = openWorkerConnection(request.dbFile);
try {
  const value = await executeJob({
    db,
    workstationId: request.workstationId,
    actorId: request.actorId,
    now: clockStartingAt(new Date(request.startedAt)),
    name: request.name,
    input: request.input,
    isCancelled: () => Atomics.load(cancelFlag, 0) === 1,
    progress: (done, total, message) => post({ type: 'progress', done, total, ...(message === undefined ? {} : { message }) }),
  });
  post({ type: 'done', value });
} catch (error) {
  post({ type: 'error', error: error instanceof DxError ? error.toJSON() : toErrorShape(error) });
} finally {
  db.close();
}
