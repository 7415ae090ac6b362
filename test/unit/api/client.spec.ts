// The typed client: job ids only for jobs, progress filtered to its job, abort cancels, errors become DxError.
import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '@shared/api/client';
import type { Transport } from '@shared/api/client';
import { DxError } from '@shared/api/errors';
import type { JobProgress } from '@shared/api/procedure';

function fakeTransport(respond: (name: string, input: unknown, jobId?: string) => Promise<unknown>) {
  const listeners = new Set<(progress: JobProgress) => void>();
  const transport: Transport = {
    call: vi.fn(respond),
    onProgress(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { transport, emit: (progress: JobProgress) => listeners.forEach((listener) => listener(progress)), listeners };
}

describe('api client', () => {
  it('sends no job id for a plain call', async () => {
    const { transport } = fakeTransport(async () => ({ cancelled: true }));
    await createApiClient(transport).call('jobs.cancel', { jobId: 'x' });
    expect(transport.call).toHaveBeenCalledWith('jobs.cancel', { jobId: 'x' }, undefined);
  });

  it('delivers only its own job’s progress and unsubscribes after', async () => {
    const seen: JobProgress[] = [];
    const fake = fakeTransport(async (_name, _input, jobId) => {
      fake.emit({ jobId: 'someone-else', done: 9, total: 9 });
      fake.emit({ jobId: jobId as string, done: 1, total: 3 });
      return { file: 'f', bytes: 1 };
    });
    await createApiClient(fake.transport).call('system.backup', {}, { onProgress: (progress) => seen.push(progress) });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ done: 1, total: 3 });
    expect(fake.listeners.size).toBe(0);
  });

  it('cancels the job on the core when the signal aborts', async () => {
    const controller = new AbortController();
    const fake = fakeTransport(async (name) => {
      if (name === 'system.backup') {
        controller.abort();
        throw { code: 'CANCELLED', message: 'cancelled' };
      }
      return { cancelled: true };
    });
    const error = await createApiClient(fake.transport).call('system.backup', {}, { signal: controller.signal }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DxError);
    expect((error as DxError).code).toBe('CANCELLED');
    const cancelCall = (fake.transport.call as ReturnType<typeof vi.fn>).mock.calls.find(([name]) => name === 'jobs.cancel');
    expect(cancelCall?.[1]).toMatchObject({ jobId: expect.stringMatching(/^job-/) });
  });
});
