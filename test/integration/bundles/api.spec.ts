// The 数据交换 procedures through the dispatcher, with export and import in a worker thread:
// roles, progress, the history, the trust store and conflicts.
import { describe, expect, it } from 'vitest';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '@shared/api/contract';
import type { Caller } from '../../../electron/main/api/dispatch';
import { depsOfServices } from '../../../electron/main/assessments/deps';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import type { Core } from '../../../electron/main/core';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { nodePlatform } from '../../../electron/main/platform';
import { cliActor } from '../../../electron/main/users/cli-actor';
import { actorWith, asInspector, asLeader } from '../../helpers/actors';
import { testCore } from '../../helpers/core';
import { downloadFile, uploadFile } from '../../helpers/transfers';
import { assessmentDocument } from '../certificates/world';

const asCity: Caller = { actor: actorWith('市指挥部', 'city') };

async function call<N extends ProcedureName>(core: Core, name: N, input: ProcedureInput<N>, caller: Caller, jobId?: string): Promise<ProcedureOutput<N>> {
  const result = await core.dispatcher.dispatch(name, input, caller, jobId);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ProcedureOutput<N>;
}

const workerCore = () => testCore({ jobMode: 'worker', platform: nodePlatform({ keyStore: new PassphraseKeyStore('api passphrase') }) });

describe('数据交换 procedures', () => {
  it('exports on a laptop and imports at the city office in worker jobs, with roles enforced', async () => {
    const [laptop, city] = [await workerCore(), await workerCore()];
    importAssessmentDocuments(depsOfServices(laptop.services), cliActor(), [{ source: 'a.json', json: assessmentDocument({ name: '接口公司' }) }]);

    const forbidden = await laptop.dispatcher.dispatch('bundles.export', { full: false }, asCity);
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    const exported = await call(laptop, 'bundles.export', { full: false }, asLeader, 'export-1');
    expect(exported).toMatchObject({ sequence: 1, counts: { units: 1, assessments: 1 }, fileName: expect.stringMatching(/\.dxb$/) });

    const identity = await call(laptop, 'identity.show', {}, asInspector);
    const enrolled = await call(city, 'trust.add', { identityJson: JSON.stringify(identity) }, asCity);
    expect(enrolled).toMatchObject({ created: true, entry: { fingerprint: identity!.fingerprint } });
    expect(await call(city, 'trust.list', {}, asCity)).toHaveLength(1);

    expect(exported.download).toMatchObject({ fileName: exported.fileName, bytes: exported.bytes });
    const bundle = await downloadFile(laptop, asLeader, exported.download.downloadId);
    expect(bundle).toHaveLength(exported.bytes);

    const notCity = await city.dispatcher.dispatch('bundles.import', { fileName: exported.fileName, contentBase64: bundle.toString('base64') }, asLeader);
    expect(notCity.ok ? null : notCity.error.code).toBe('FORBIDDEN');
    const uploadId = await uploadFile(city, asCity, exported.fileName, bundle);
    const report = await call(city, 'bundles.import', { uploadId }, asCity, 'import-1');
    expect(report).toMatchObject({ status: 'imported', file: exported.fileName, added: { units: 1, assessments: 1 } });
    const usedAgain = await city.dispatcher.dispatch('bundles.import', { uploadId }, asCity);
    expect(usedAgain.ok ? null : usedAgain.error.code).toBe('NOT_FOUND');
    expect(city.services.db.prepare("SELECT name FROM units").pluck().all()).toEqual(['接口公司']);

    const history = await call(city, 'bundles.history', {}, asInspector);
    expect(history.imports).toEqual([expect.objectContaining({ importId: report.importId, status: 'imported' })]);
    expect((await call(laptop, 'bundles.history', {}, asInspector)).exports).toEqual([expect.objectContaining({ sequence: 1, full: false })]);

    await call(city, 'trust.revoke', { workstationId: identity!.workstationId, reason: '丢失' }, asCity);
    const refused = await call(city, 'bundles.import', { fileName: 'again.dxb', contentBase64: bundle.toString('base64') }, asCity);
    expect(refused).toMatchObject({ status: 'refused', refused: [{ entry: 'manifest.json' }] });
    expect(await call(city, 'bundles.conflicts', { status: 'open' }, asCity)).toEqual([]);
  }, 60_000);
});
