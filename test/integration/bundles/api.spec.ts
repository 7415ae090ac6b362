// The 数据交换 procedures through the dispatcher, with export and import in a worker thread:
// roles, progress, the history, the trust store and conflicts.
import { describe, expect, it } from 'vitest';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '@shared/api/contract';
import type { Caller } from '../../../electron/main/api/dispatch';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import type { Core } from '../../../electron/main/host/core';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { makeKeys } from '../../helpers/keys';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { actorWith, asAdmin, asInspector, asLeader } from '../../helpers/actors';
import { testCore } from '../../helpers/core';
import { saveExport, uploadFile } from '../../helpers/transfers';
import { assessmentDocument } from '../certificates/world';
import { contextOf } from '../../helpers/context';

const asCity: Caller = { actor: actorWith('市指挥部', 'city') };

async function call<N extends ProcedureName>(core: Core, name: N, input: ProcedureInput<N>, caller: Caller, jobId?: string): Promise<ProcedureOutput<N>> {
  const result = await core.dispatcher.dispatch(name, input, caller, jobId);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ProcedureOutput<N>;
}

async function workerCore() {
  const core = await testCore({ jobMode: 'worker', platform: nodePlatform({ keyStore: new PassphraseKeyStore('api passphrase') }) });
  await makeKeys(core, 'api passphrase');
  return core;
}

describe('数据交换 procedures', () => {
  it('exports on a laptop and imports at the city office in worker jobs, with roles enforced', async () => {
    const [laptop, city] = [await workerCore(), await workerCore()];
    importAssessmentDocuments(contextOf(laptop, cliActor()), [{ source: 'a.json', json: assessmentDocument({ name: '接口公司' }) }]);

    const forbidden = await laptop.dispatcher.dispatch('bundles.export', { full: false }, asCity);
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    await call(laptop, 'workstation.setName', { name: '汉阳区检查一组' }, asAdmin);
    const exported = await call(laptop, 'bundles.export', { full: false }, asLeader, 'export-1');
    // Named by who sent it, for which district, and which number it is: a folder of them reads at a glance.
    expect(exported).toMatchObject({ sequence: 1, counts: { units: 1, assessments: 1 }, fileName: expect.stringMatching(/^汉阳区检查一组-汉阳区-第1号-\d{4}-\d\d-\d\d\.dxb$/) });

    const identity = await call(laptop, 'identity.show', {}, asInspector);
    const enrolled = await call(city, 'trust.add', { identityJson: JSON.stringify(identity) }, asCity);
    expect(enrolled).toMatchObject({ created: true, entry: { fingerprint: identity!.fingerprint } });
    expect(await call(city, 'trust.list', {}, asCity)).toHaveLength(1);

    expect(exported.download).toMatchObject({ fileName: exported.fileName, bytes: exported.bytes });
    const bundle = await saveExport(laptop, asLeader, exported.download.downloadId);
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

  it('sends the city bundle to a laptop through its own door, with roles enforced and the receipts in the history', async () => {
    const [laptop, city] = [await workerCore(), await workerCore()];
    importAssessmentDocuments(contextOf(laptop, cliActor()), [{ source: 'a.json', json: assessmentDocument({ name: '回执公司' }) }]);
    const exported = await call(laptop, 'bundles.export', { full: false }, asLeader, 'export-1');
    const laptopBytes = await saveExport(laptop, asLeader, exported.download.downloadId);
    const laptopIdentity = await call(laptop, 'identity.show', {}, asInspector);
    await call(city, 'trust.add', { identityJson: JSON.stringify(laptopIdentity) }, asCity);
    await call(city, 'bundles.import', { fileName: exported.fileName, contentBase64: laptopBytes.toString('base64') }, asCity, 'import-1');

    const notCity = await city.dispatcher.dispatch('bundles.exportCity', {}, asLeader);
    expect(notCity.ok ? null : notCity.error.code).toBe('FORBIDDEN');
    await call(city, 'workstation.setName', { name: '市指挥部' }, asAdmin);
    const cityBundle = await call(city, 'bundles.exportCity', {}, asCity, 'export-city');
    expect(cityBundle).toMatchObject({ sequence: 1, full: true, counts: { receipts: 1, trust_roster: 1 }, fileName: expect.stringMatching(/^市级数据包-市指挥部-第1号-2026-\d\d-\d\d\.dxb$/) });
    const cityBytes = await saveExport(city, asCity, cityBundle.download.downloadId);
    const cityBase64 = cityBytes.toString('base64');

    // The city office does not import its own bundle for laptops.
    const wrongDoor = await call(city, 'bundles.import', { fileName: cityBundle.fileName, contentBase64: cityBase64 }, asCity);
    expect(wrongDoor).toMatchObject({ status: 'refused', refused: [{ reasonEn: expect.stringMatching(/wrote itself; it needs no import/) }] });

    const cityIdentity = await call(city, 'identity.show', {}, asCity);
    const plain = await laptop.dispatcher.dispatch('trust.addCity', { identityJson: JSON.stringify(cityIdentity) }, asLeader);
    expect(plain.ok ? null : plain.error.code).toBe('BAD_INPUT');
    const inspectorEnrolls = await laptop.dispatcher.dispatch('trust.addCity', { identityJson: JSON.stringify({ ...cityIdentity, kind: 'city' }) }, asInspector);
    expect(inspectorEnrolls.ok ? null : inspectorEnrolls.error.code).toBe('FORBIDDEN');
    expect(await call(laptop, 'trust.addCity', { identityJson: JSON.stringify({ ...cityIdentity, kind: 'city' }) }, asLeader)).toMatchObject({ created: true, entry: { kind: 'city' } });

    const cityRole = await laptop.dispatcher.dispatch('bundles.importCity', { fileName: cityBundle.fileName, contentBase64: cityBase64 }, asCity);
    expect(cityRole.ok ? null : cityRole.error.code).toBe('FORBIDDEN');
    const uploadId = await uploadFile(laptop, asInspector, cityBundle.fileName, cityBytes);
    const report = await call(laptop, 'bundles.importCity', { uploadId }, asInspector, 'import-city');
    expect(report).toMatchObject({ status: 'imported', kind: 'city', added: { receipts: 1 } });
    const history = await call(laptop, 'bundles.history', {}, asInspector);
    expect(history.receipts).toEqual([expect.objectContaining({ bundleId: exported.bundleId, status: 'imported', report: expect.objectContaining({ added: expect.objectContaining({ units: 1 }) }) })]);
    // …and the laptop's door does not take a laptop's bundle.
    const laptopBundle = await call(laptop, 'bundles.importCity', { fileName: exported.fileName, contentBase64: laptopBytes.toString('base64') }, asLeader);
    expect(laptopBundle.refused[0]?.reasonEn).toMatch(/only the city office imports it/);
  }, 60_000);
});
