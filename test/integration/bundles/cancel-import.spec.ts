// A cancel during a bundle import's merge rolls the whole transaction back: nothing written, not
// even a history entry, and the next import of the same bundle runs as if nothing happened.
import { describe, expect, it } from 'vitest';
import { DxError } from '@shared/api/errors';
import { importAssessmentDocuments } from '../../../electron/main/assessments/import-documents';
import { importWith } from '../../../electron/main/bundles/bundle-deps';
import { cliActor } from '../../../electron/main/cli/cli-actor';
import { assessmentDocument } from '../certificates/world';
import { dir, file, now, station } from './world';
import { contextOf } from '../../helpers/context';

describe('cancelling a bundle import', () => {
  it('leaves nothing written when cancelled in the middle of the merge', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    // Enough records that the merge checks for a cancel part-way (every 500 lines).
    const documents = Array.from({ length: 180 }, (_, index) => ({ source: `${index}.json`, json: assessmentDocument({ name: `取消测试${index}号公司` }) }));
    importAssessmentDocuments(contextOf(a.core, cliActor(), () => now), documents);
    const folder = dir();
    await a.exportTo(file(folder, 'a.dxb'));

    const services = city.core.services;
    const before = city.snapshot();
    const stages: string[] = [];
    let checks = 0;
    const cancelled = importWith(contextOf(city.core, cliActor(), () => now), { file: file(folder, 'a.dxb'), dataDir: services.dataDir }, {
      progress: (_done, _total, stage) => stages.push(stage),
      throwIfCancelled() {
        checks += 1;
        // The first check is before the transaction; the second is inside the merge.
        if (checks === 2) throw new DxError('CANCELLED', 'bundles.import was cancelled');
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(stages).toContain('merge');
    expect(city.snapshot()).toEqual(before);
    expect(services.db.prepare('SELECT count(*) FROM bundle_imports').pluck().get()).toBe(0);
    expect(services.db.prepare('SELECT count(*) FROM change_log_pause').pluck().get()).toBe(0);

    const report = await city.importFrom(file(folder, 'a.dxb'));
    expect(report).toMatchObject({ status: 'imported', added: { units: 180, assessments: 180 } });
    // The import's own writes were not logged as the city office's changes.
    expect(services.db.prepare("SELECT count(*) FROM change_log WHERE table_name = 'units'").pluck().get()).toBe(0);
  });
});
