/**
 * The typed API client the renderer uses. It knows nothing about the transport:
 * Electron IPC (through the preload) and loopback HTTP (serve mode) both implement `Transport`.
 */
import type { ProcedureInput, ProcedureName, ProcedureOutput } from './contract';
import { DxError, isApiErrorShape } from './errors';
import type { JobProgress } from './procedure';

export interface Transport {
  /** Resolves with the output, or rejects with an `ApiErrorShape`. */
  call(name: ProcedureName, input: unknown, jobId?: string): Promise<unknown>;
  /** Subscribe to progress events of all jobs; returns the unsubscribe function. */
  onProgress(listener: (progress: JobProgress) => void): () => void;
}

export interface CallOptions {
  onProgress?: (progress: JobProgress) => void;
  signal?: AbortSignal;
}

export interface ApiClient {
  call<N extends ProcedureName>(name: N, input: ProcedureInput<N>, options?: CallOptions): Promise<ProcedureOutput<N>>;
}

let jobCounter = 0;
function newJobId(): string {
  jobCounter += 1;
  return `job-${jobCounter}-${Math.random().toString(36).slice(2, 10)}`;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(name, input, options) {
      const wantsJob = options?.onProgress !== undefined || options?.signal !== undefined;
      const jobId = wantsJob ? newJobId() : undefined;
      let unsubscribe: (() => void) | undefined;
      let onAbort: (() => void) | undefined;
      if (jobId !== undefined) {
        if (options?.signal?.aborted) throw new DxError('CANCELLED', 'Cancelled before it started');
        const listener = options?.onProgress;
        if (listener) {
          unsubscribe = transport.onProgress((progress) => {
            if (progress.jobId === jobId) listener(progress);
          });
        }
        onAbort = () => {
          void transport.call('jobs.cancel', { jobId }).catch(() => undefined);
        };
        options?.signal?.addEventListener('abort', onAbort, { once: true });
      }
      try {
        return (await transport.call(name, input, jobId)) as ProcedureOutput<typeof name>;
      } catch (error) {
        if (isApiErrorShape(error)) throw DxError.from(error);
        throw error;
      } finally {
        unsubscribe?.();
        if (onAbort) options?.signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
