// Audit checkpoints travel in bundles: every export signs the chain head, and the city office
// refuses a later bundle from a laptop whose log was rewritten (hashes recomputed) or trimmed
// behind what it already received.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash } from '../../../electron/main/audit/audit-log';
import { listCheckpoints } from '../../../electron/main/audit/checkpoints';
import { dir, file, jsonLines, station, unzip } from './world';
import type { Station } from './world';

interface Entry {
  seq: number; id: string; at: string; workstation_id: string; actor: string; action: string; subject: string | null; data: string; prev_hash: string; hash: string;
}

/** What someone with the database file could do: change an entry and recompute every hash after it. */
function rewriteEntry(db: Database, seq: number, actor: string): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  const entries = db.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(seq) as Entry[];
  let prev = entries[0]!.prev_hash;
  for (const entry of entries) {
    const changed = { ...entry, actor: entry.seq === seq ? actor : entry.actor, prev_hash: prev };
    changed.hash = entryHash(prev, { id: changed.id, at: changed.at, workstationId: changed.workstation_id, actor: changed.actor, action: changed.action, subject: changed.subject, data: changed.data });
    db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(changed.actor, changed.prev_hash, changed.hash, changed.seq);
    prev = changed.hash;
  }
}

/** Cuts the log back to `keep` entries; with `reuseNumbers` the next entries take the cut numbers again. */
function trimLog(db: Database, keep: number, reuseNumbers: boolean): void {
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
  if (reuseNumbers) db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'").run(keep);
}

async function exported(assessments = 2): Promise<{ a: Station; city: Station; folder: string; head: number }> {
  const [a, city] = [await station(), await station()];
  city.enroll(a);
  const folder = dir();
  for (let n = 1; n <= assessments; n += 1) a.assess({ name: `检查点${n}号` });
  const first = await a.exportTo(file(folder, '1.dxb'));
  expect(first.counts.audit_checkpoints).toBe(1);
  const report = await city.importFrom(file(folder, '1.dxb'));
  expect(report).toMatchObject({ status: 'imported', added: { audit_checkpoints: 1 } });
  const head = listCheckpoints(a.core.services.db, a.identity.workstationId).at(-1)!.seq;
  expect(listCheckpoints(city.core.services.db, a.identity.workstationId).map((checkpoint) => checkpoint.seq)).toEqual([head]);
  return { a, city, folder, head };
}

describe('audit checkpoints in bundles', () => {
  it('carries a signed checkpoint of the head at every export, and accepts a log that grew on', async () => {
    const { a, city, folder, head } = await exported();
    const entries = await unzip(file(folder, '1.dxb'));
    const [line] = jsonLines(entries.find((entry) => entry.name === 'records/audit_checkpoints.jsonl')!.bytes);
    expect(line).toMatchObject({ workstation_id: a.identity.workstationId, seq: head, reason: 'export' });
    a.assess({ name: '检查点三号' });
    await a.exportTo(file(folder, '2.dxb'));
    expect(await city.importFrom(file(folder, '2.dxb'))).toMatchObject({ status: 'imported', refused: [] });
  });

  it('catches a log cut back and grown again to the same length (the head entry travels with its checkpoint)', async () => {
    const { a, city, folder, head } = await exported(1);
    const db = a.core.services.db;
    trimLog(db, head - 1, true);
    // One entry again where the checkpointed one was: the same seq, other content.
    db.prepare("INSERT INTO audit_log (seq, id, at, workstation_id, actor, action, subject, data, prev_hash, hash) SELECT ?, 'forged', at, workstation_id, actor, 'forged', NULL, '{}', hash, ? FROM audit_log WHERE seq = ?").run(head, 'f'.repeat(64), head - 1);
    await a.exportTo(file(folder, '2.dxb'));
    // The forged entry's hash is not even its content's; either way the log was rewritten.
    expect((await city.importFrom(file(folder, '2.dxb'))).refused[0]?.reasonEn).toMatch(/rewritten|does not match its hash/);
  });

  it('refuses the next bundle of a laptop whose log was rewritten after a checkpoint, naming the entry', async () => {
    const { a, city, folder } = await exported();
    rewriteEntry(a.core.services.db, 2, 'cli:someone-else');
    a.assess({ name: '检查点三号' });
    await a.exportTo(file(folder, '2.dxb'));
    const before = city.snapshot();
    const report = await city.importFrom(file(folder, '2.dxb'));
    expect(report).toMatchObject({ status: 'refused', refused: [{ entry: expect.stringMatching(/^records\/audit_log\.jsonl/), reasonEn: expect.stringMatching(/the log was rewritten/) }] });
    expect(city.snapshot()).toEqual(before);
    // A full export of the rewritten log contradicts the checkpoint received before.
    await a.exportTo(file(folder, 'full.dxb'), true);
    expect((await city.importFrom(file(folder, 'full.dxb'))).refused[0]).toMatchObject({ entry: 'records/audit_checkpoints.jsonl', reasonEn: expect.stringMatching(/rewritten/) });
  });

  it('refuses the next bundle of a laptop whose log was trimmed after a checkpoint, numbers reused or not', async () => {
    for (const reuseNumbers of [false, true]) {
      const { a, city, folder } = await exported(3);
      trimLog(a.core.services.db, 2, reuseNumbers);
      a.assess({ name: '检查点三号' });
      await a.exportTo(file(folder, '2.dxb'));
      const report = await city.importFrom(file(folder, '2.dxb'));
      // With the numbers reused, the new entries sit where received ones were: a rewrite as much as a cut.
      expect(report, `reuse numbers: ${reuseNumbers}`).toMatchObject({ status: 'refused', refused: [{ reasonEn: expect.stringMatching(reuseNumbers ? /trimmed|rewritten/ : /trimmed/) }] });
    }
  });

  it('takes a late bundle (an earlier sequence number) after a full export without calling it trimmed', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const folder = dir();
    a.assess({ name: '早' });
    await a.exportTo(file(folder, '1.dxb'));
    a.assess({ name: '晚' });
    await a.exportTo(file(folder, '2.dxb'), true);
    expect((await city.importFrom(file(folder, '2.dxb'))).status).toBe('imported');
    expect(await city.importFrom(file(folder, '1.dxb'))).toMatchObject({ status: 'imported', refused: [] });
    // The same bundle again is not a chain cut short either.
    expect(await city.importFrom(file(folder, '1.dxb'))).toMatchObject({ status: 'imported', refused: [] });
  });

  it('refuses a bundle whose predecessor has not arrived, naming the entries and the bundle, and takes both once it has', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const folder = dir();
    a.assess({ name: '早' });
    await a.exportTo(file(folder, '1.dxb'));
    a.assess({ name: '晚' });
    await a.exportTo(file(folder, '2.dxb'));
    const refused = await city.importFrom(file(folder, '2.dxb'));
    expect(refused).toMatchObject({ status: 'refused', refused: [{ reasonEn: expect.stringMatching(/audit entries 1–\d+ are missing: .*bundle 1 of this workstation has not been imported.*export --full/) }] });
    expect(await city.importFrom(file(folder, '1.dxb'))).toMatchObject({ status: 'imported' });
    expect(await city.importFrom(file(folder, '2.dxb'))).toMatchObject({ status: 'imported', refused: [] });
  });
});
