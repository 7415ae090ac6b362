// Long jobs run in a worker thread with their own connection, report progress, and can be cancelled.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workerBundle } from '../../electron/main/jobs/run-job';
import { testCore } from '../helpers/core';
import { anyone } from '../helpers/actors';

describe('jobs in a worker thread', () => {
  it('has a built worker bundle (npm test builds before testing)', () => {
    expect(fs.existsSync(workerBundle()), `missing ${workerBundle()}: run "npm run build"`).toBe(true);
  });

  it('runs the integrity check in the worker and streams its progress', async () => {
    const core = await testCore({ jobMode: 'worker' });
    const events: { done: number; total: number }[] = [];
    core.dispatcher.onProgress((event) => events.push(event));
    const result = await core.dispatcher.dispatch('system.integrityCheck', {}, anyone, 'job-worker');
    expect(result).toEqual({ ok: true, value: { ok: true, problems: [] } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ done: events.at(-1)?.total });
  });

  it('cancels a worker job through jobs.cancel', async () => {
    const core = await testCore({ jobMode: 'worker' });
    core.dispatcher.onProgress((event) => {
      if (event.done === 1) void core.dispatcher.dispatch('jobs.cancel', { jobId: event.jobId }, anyone);
    });
    const result = await core.dispatcher.dispatch('system.integrityCheck', {}, anyone, 'job-cancel');
    // Either the cancel arrived between tables (CANCELLED) or the check was already done.
    if (!result.ok) expect(result.error.code).toBe('CANCELLED');
    else expect(result.value).toMatchObject({ ok: true });
  });

  it('backs up the database with progress', async () => {
    const core = await testCore();
    const events: unknown[] = [];
    core.dispatcher.onProgress((event) => events.push(event));
    const result = await core.dispatcher.dispatch('system.backup', {}, anyone, 'job-backup');
    expect(result.ok).toBe(true);
    const value = (result as { value: { file: string; bytes: number } }).value;
    expect(fs.statSync(value.file).size).toBe(value.bytes);
    expect(events.length).toBeGreaterThan(0);
  });
});
