// A bundle exported through a door counts as sent only once the caller says it is saved
// (bundles.exportSaved): until then the history is unchanged, the next export carries the same
// records under the same number, and no bundle.export audit entry exists.
import { describe, expect, it } from 'vitest';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '@shared/api/contract';
import type { Caller } from '../../../electron/main/api/dispatch';
import type { Core } from '../../../electron/main/host/core';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { asInspector, asLeader } from '../../helpers/actors';
import { testCore } from '../../helpers/core';
import { makeKeys } from '../../helpers/keys';
import { downloadFile, saveExport } from '../../helpers/transfers';

async function call<N extends ProcedureName>(core: Core, name: N, input: ProcedureInput<N>, caller: Caller): Promise<ProcedureOutput<N>> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ProcedureOutput<N>;
}

async function errorOf(core: Core, name: ProcedureName, input: unknown, caller: Caller): Promise<{ code: string; message: string } | null> {
  const result = await core.dispatcher.dispatch(name, input, caller);
  return result.ok ? null : result.error;
}

async function laptop(): Promise<Core> {
  const core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore('saved passphrase') }) });
  await makeKeys(core, 'saved passphrase');
  await call(core, 'units.create', { name: '保存测试有限公司', kind: 'enterprise', districtCode: '420103' }, asLeader);
  return core;
}

const exportEntries = (core: Core) => core.services.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'bundle.export'").pluck().get() as number;

describe('an exported bundle is sent once it is saved', () => {
  it('leaves the history alone until bundles.exportSaved, then records it once with its audit entry', async () => {
    const core = await laptop();
    const first = await call(core, 'bundles.export', { full: false }, asLeader);
    // Read back but never said to be saved: a window closed or a command killed before the file was written.
    await downloadFile(core, asLeader, first.download.downloadId);
    expect((await call(core, 'bundles.history', {}, asLeader)).exports).toEqual([]);
    expect(exportEntries(core)).toBe(0);

    const again = await call(core, 'bundles.export', { full: false }, asLeader);
    expect(again).toMatchObject({ sequence: first.sequence, counts: { units: 1 } });
    expect(again.bundleId).not.toBe(first.bundleId);

    await saveExport(core, asLeader, again.download.downloadId);
    // Saying it again (a double click, a retry after a lost answer) records nothing more.
    expect(await call(core, 'bundles.exportSaved', { downloadId: again.download.downloadId }, asLeader)).toEqual({ sequence: again.sequence, bundleId: again.bundleId });
    expect((await call(core, 'bundles.history', {}, asLeader)).exports).toEqual([expect.objectContaining({ sequence: 1, bundleId: again.bundleId, fileName: again.fileName })]);
    expect(exportEntries(core)).toBe(1);

    // The next export starts after the saved one: nothing changed, so nothing travels.
    const next = await call(core, 'bundles.export', { full: false }, asLeader);
    expect(next).toMatchObject({ sequence: 2 });
    expect(next.counts.units ?? 0).toBe(0);
  });

  it('refuses a bundle whose number another saved export took, and an id that is not the caller’s', async () => {
    const core = await laptop();
    const older = await call(core, 'bundles.export', { full: false }, asLeader);
    const newer = await call(core, 'bundles.export', { full: true }, asLeader);
    await saveExport(core, asLeader, newer.download.downloadId);

    const taken = await errorOf(core, 'bundles.exportSaved', { downloadId: older.download.downloadId }, asLeader);
    expect(taken).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('export again') });
    expect((await call(core, 'bundles.history', {}, asLeader)).exports.map((row) => row.bundleId)).toEqual([newer.bundleId]);

    const third = await call(core, 'bundles.export', { full: false }, asLeader);
    expect(await errorOf(core, 'bundles.exportSaved', { downloadId: third.download.downloadId }, asInspector)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(core, 'bundles.exportSaved', { downloadId: 'not-a-real-download-id' }, asLeader)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(core, 'bundles.exportSaved', { downloadId: '../../etc' }, asLeader)).toMatchObject({ code: 'BAD_INPUT' });
    expect((await call(core, 'bundles.history', {}, asLeader)).exports).toHaveLength(1);
    expect(exportEntries(core)).toBe(1);
  });
});
