// Long jobs run in a worker thread with their own connection, report progress, and can be cancelled.
import fs from 'node:fs';
import path from 'node:path';
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

  it('cancels a worker job through jobs.cancel: the worker stops with CANCELLED', async () => {
    const core = await testCore({ jobMode: 'worker' });
    const pending = core.dispatcher.dispatch('system.integrityCheck', {}, anyone, 'job-cancel');
    // The worker has been started but has not run a step yet: the cancel must reach it.
    const cancelled = await core.dispatcher.dispatch('jobs.cancel', { jobId: 'job-cancel' }, anyone);
    expect(cancelled).toMatchObject({ ok: true });
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
  });

  it('runs the worker bundle built from the current sources (the test setup rebuilds it)', () => {
    const newestSource = Math.max(
      ...['electron/main', 'shared'].flatMap((dir) =>
        fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs),
      ),
    );
    expect(fs.statSync(workerBundle()).mtimeMs).toBeGreaterThanOrEqual(newestSource);
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
