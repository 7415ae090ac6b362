// The dispatcher: every call validated before a handler runs, errors as values, jobs with progress and cancel.
import { describe, expect, it, vi } from 'vitest';
import { DxError } from '@shared/api/errors';
import { createDispatcher } from '../../../electron/main/api/dispatch';
import type { HandlerMap } from '../../../electron/main/api/dispatch';
import { anyone, resolveTrusted } from '../../helpers/actors';

function dispatcherWith(handlers: Partial<Record<string, (input: never, context: never) => unknown>>) {
  return createDispatcher(handlers as unknown as HandlerMap, { resolveCaller: resolveTrusted, log: () => undefined });
}

describe('dispatch', () => {
  it('refuses input that fails the schema with its issues, without running the handler', async () => {
    const handler = vi.fn();
    const result = await dispatcherWith({ 'jobs.cancel': handler }).dispatch('jobs.cancel', { jobId: 42 }, anyone);
    expect(handler).not.toHaveBeenCalled();
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['jobId'] }] } } });
  });

  it('refuses unknown fields in strict inputs', async () => {
    const result = await dispatcherWith({ 'system.status': vi.fn() }).dispatch('system.status', { surprise: true }, anyone);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('answers NOT_FOUND for an unknown procedure, including inherited object keys', async () => {
    const dispatcher = dispatcherWith({});
    expect(await dispatcher.dispatch('nope.never', {}, anyone)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await dispatcher.dispatch('constructor', {}, anyone)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('passes a DxError through with its code and details', async () => {
    const handler = () => {
      throw new DxError('CONFLICT', 'already signed', { issues: [{ path: ['x'], message: 'y' }] });
    };
    const result = await dispatcherWith({ 'jobs.cancel': handler }).dispatch('jobs.cancel', { jobId: 'a' }, anyone);
    expect(result).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'already signed', details: { issues: [{ path: ['x'], message: 'y' }] } } });
  });

  it('turns an unexpected exception into INTERNAL', async () => {
    const handler = () => {
      throw new TypeError('bug');
    };
    const result = await dispatcherWith({ 'jobs.cancel': handler }).dispatch('jobs.cancel', { jobId: 'a' }, anyone);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'bug' } });
  });

  it('checks the output against the contract too', async () => {
    const result = await dispatcherWith({ 'jobs.cancel': () => ({ cancelled: 'yes' }) }).dispatch('jobs.cancel', { jobId: 'a' }, anyone);
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('reports progress for a job and lets it be cancelled by id', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const dispatcher = dispatcherWith({
      'system.backup': async (_input: never, context: { progress(d: number, t: number): void; throwIfCancelled(): void }) => {
        context.progress(1, 2);
        await gate;
        context.throwIfCancelled();
        return { file: 'x', bytes: 1 };
      },
    });
    const events: unknown[] = [];
    dispatcher.onProgress((event) => events.push(event));
    const pending = dispatcher.dispatch('system.backup', {}, anyone, 'job-1');
    await Promise.resolve();
    expect(events).toEqual([{ jobId: 'job-1', done: 1, total: 2 }]);
    expect(dispatcher.cancel('job-1')).toBe(true);
    expect(dispatcher.cancel('job-unknown')).toBe(false);
    release();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });
});
