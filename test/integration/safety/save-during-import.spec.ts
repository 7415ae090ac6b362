// A save made while an import job writes in a worker is queued, not blocked on and not lost:
// the main thread keeps running, the status names the writing job, and the save commits after.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/main/host/core';
import { anyone } from '../../helpers/actors';
import { testCore } from '../../helpers/core';

async function call<T>(core: Core, name: string, input: unknown, jobId?: string): Promise<T> {
  const result = await core.dispatcher.dispatch(name, input, anyone, jobId);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

function bigUnitsCsv(rows: number): string {
  const lines = ['name,kind,industry,district'];
  for (let index = 0; index < rows; index += 1) lines.push(`导入单位${index},企业,,江岸区`);
  return Buffer.from(lines.join('\n'), 'utf8').toString('base64');
}

describe('saving while an import job writes', () => {
  it('queues the save (and any main-thread write) until the job ends, without blocking the main thread, and keeps it', async () => {
    const core = await testCore({ jobMode: 'worker' });
    const unit = await call<{ id: string }>(core, 'units.create', { name: '琴台社区', kind: 'community', industry: null, districtCode: '420105', street: '', address: '', uscc: '', households: 800, contact: '', phone: '', inScope: true });
    const draft = await call<{ id: string }>(core, 'assessments.start', { unitId: unit.id });

    const importing = call<{ imported: number }>(core, 'units.import', { fileName: 'big.csv', contentBase64: bigUnitsCsv(40_000) }, 'import-job');
    // Wait until the worker holds the gate, as a person's save would arrive mid-import.
    while (core.services.writeGate.writer === null) await new Promise((resolve) => setTimeout(resolve, 5));
    const status = await call<{ writerJob: string | null }>(core, 'system.status', {});
    expect(status.writerJob).toBe('units.import');

    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    const seenWhenSaved = { ticks: 0, writer: 'not saved' as string | null, createdWhileWriter: 'not created' as string | null };
    const saving = call<{ updatedAt: string }>(core, 'assessments.saveDraft', { id: draft.id, answers: { 'RES-1': true } }).then((saved) => {
      seenWhenSaved.ticks = ticks;
      seenWhenSaved.writer = core.services.writeGate.writer;
      return saved;
    });
    const creating = call<{ id: string }>(core, 'units.create', { name: '导入期间新增', kind: 'enterprise', industry: null, districtCode: '420102', street: '', address: '', uscc: '', households: null, contact: '', phone: '', inScope: true }).then((created) => {
      seenWhenSaved.createdWhileWriter = core.services.writeGate.writer;
      return created;
    });
    const [report] = await Promise.all([importing, saving, creating]);
    clearInterval(ticker);

    expect(report.imported).toBe(40_000);
    // The save committed once the job had let go of the database…
    expect(seenWhenSaved.writer).toBeNull();
    expect(seenWhenSaved.createdWhileWriter).toBeNull();
    // …and the event loop went on meanwhile: a synchronous wait on the lock would leave no ticks.
    expect(seenWhenSaved.ticks).toBeGreaterThan(0);
    const stored = await call<{ answers: Record<string, unknown> }>(core, 'assessments.get', { id: draft.id });
    expect(stored.answers).toEqual({ 'RES-1': true });
    expect((await call<{ writerJob: string | null }>(core, 'system.status', {})).writerJob).toBeNull();
  }, 60_000);
});
