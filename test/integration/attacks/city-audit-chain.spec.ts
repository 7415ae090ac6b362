// Items 1 and 2 of the hostile run, at the city office: after a laptop's audit log was wiped with
// the sqlite3 shell, the city imported its next bundle, whose chain restarted at a zero prev_hash,
// and an empty-log bundle too; and a bundle re-signed with the laptop's key that left out the
// audit entry its checkpoint signs was imported. The chain held from each workstation is now
// extended head to head: these are refused naming the entries, nothing is imported, and the
// refusal stays on the trust entry as a warning until someone with the city role acknowledges it.
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TrustListEntry, TrustWarning } from '@shared/api/procedures/bundles';
import { actorWith, asInspector } from '../../helpers/actors';
import { cli } from '../../helpers/cli';
import { dir, file, jsonLines, rebuild, station, toJsonLines } from '../bundles/world';
import type { Station } from '../bundles/world';

const asCity = { actor: actorWith('市指挥部刘', 'city') };

/** The sqlite3 shell on the laptop: triggers dropped, then the attacker's statements. */
function tamper(db: Database, sql: string): void {
  db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
           DROP TRIGGER IF EXISTS audit_checkpoints_no_update; DROP TRIGGER IF EXISTS audit_checkpoints_no_delete; ${sql}`);
}

/** A laptop whose first bundle the city office imported. */
async function enrolledLaptop(): Promise<{ a: Station; city: Station; folder: string; held: number }> {
  const [a, city] = [await station(), await station()];
  city.enroll(a);
  const folder = dir();
  a.assess({ name: '链头单位一' });
  a.assess({ name: '链头单位二' });
  await a.exportTo(file(folder, '1.dxb'));
  expect(await city.importFrom(file(folder, '1.dxb'))).toMatchObject({ status: 'imported' });
  const held = city.core.services.db.prepare('SELECT max(seq) FROM bundle_audit_entries').pluck().get() as number;
  return { a, city, folder, held };
}

async function trustEntry(city: Station, a: Station): Promise<TrustListEntry> {
  const listed = await city.core.dispatcher.dispatch('trust.list', {}, asCity);
  if (!listed.ok) throw new Error(listed.error.message);
  return (listed.value as TrustListEntry[]).find((entry) => entry.workstationId === a.identity.workstationId)!;
}

async function refusedWith(city: Station, bundle: string, pattern: RegExp): Promise<void> {
  const before = city.snapshot();
  const report = await city.importFrom(bundle);
  expect(report.status, JSON.stringify(report.refused)).toBe('refused');
  expect(report.refused[0]?.reasonEn).toMatch(pattern);
  expect(report.refused[0]?.reasonEn).toMatch(/warning stays on the workstation’s trust entry/);
  expect(city.snapshot()).toEqual(before);
}

describe('items 1 and 2 at the city office: the chain held from a laptop', () => {
  it('refuses the next bundle of a laptop whose log was wiped, naming where the chain restarts, and shows it on the trust entry', async () => {
    const { a, city, folder, held } = await enrolledLaptop();
    tamper(a.core.services.db, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    a.assess({ name: '清空后的单位' });
    await a.exportTo(file(folder, '2.dxb'));
    await refusedWith(city, file(folder, '2.dxb'), new RegExp(`restarts at entry \\d+ \\(a zero prev_hash\\) while entries 1–${held} of this workstation were received here`));
    const entry = await trustEntry(city, a);
    expect(entry.warnings).toHaveLength(1);
    expect(entry.warnings[0]).toMatchObject({ problem: 'restart', acknowledgedAt: null, sequence: 2, message: expect.stringMatching(/重新开始/) });
  });

  it('refuses an empty-log bundle from a laptop whose chain is held, with and without records', async () => {
    const { a, city, folder, held } = await enrolledLaptop();
    tamper(a.core.services.db, "DELETE FROM audit_log; DELETE FROM audit_checkpoints; DELETE FROM sqlite_sequence WHERE name = 'audit_log';");
    await a.exportTo(file(folder, 'empty.dxb'), true);
    await refusedWith(city, file(folder, 'empty.dxb'), new RegExp(`(no audit entry while entries 1–${held}|differs from the one received here|restarts at entry)`));
  });

  it('refuses a wiped log numbered from 1 again as a restart, not as a checkpoint trimmed away', async () => {
    const { a, city, folder, held } = await enrolledLaptop();
    tamper(a.core.services.db, "DELETE FROM audit_log; DELETE FROM audit_checkpoints; DELETE FROM sqlite_sequence WHERE name = 'audit_log';");
    a.assess({ name: '重新编号的单位' });
    // The full export carries the new chain from its first entry: a restart, named as one.
    await a.exportTo(file(folder, '2-full.dxb'), true);
    await refusedWith(city, file(folder, '2-full.dxb'), new RegExp(`restarts at entry 1 \\(a zero prev_hash\\) while entries 1–${held} of this workstation were received here`));
    // The next ordinary export carries only the new head, below the checkpoint held: cut back.
    await a.exportTo(file(folder, '3.dxb'));
    await refusedWith(city, file(folder, '3.dxb'), new RegExp(`audit checkpoint at entry ${held} fails: the audit log was trimmed|differs from the one received here|rewritten`));
    const entry = await trustEntry(city, a);
    expect(entry.warnings.find((warning) => warning.sequence === 2)).toMatchObject({ problem: 'restart', seqFrom: 1, seqTo: held });
  });

  it('refuses the first bundle the city ever sees from a laptop whose chain restarted', async () => {
    const [a, city] = [await station(), await station()];
    city.enroll(a);
    const folder = dir();
    a.assess({ name: '初次之前' });
    tamper(a.core.services.db, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    a.assess({ name: '初次之后' });
    await a.exportTo(file(folder, '1.dxb'));
    await refusedWith(city, file(folder, '1.dxb'), /restarts at entry \d+ \(a zero prev_hash\): entries 1–\d+ never arrived/);
  });

  it('refuses a bundle whose chain ends short of the one held', async () => {
    const { a, city, folder, held } = await enrolledLaptop();
    tamper(a.core.services.db, `DELETE FROM audit_checkpoints WHERE seq > 2; DELETE FROM audit_log WHERE seq > 2; UPDATE sqlite_sequence SET seq = 2 WHERE name = 'audit_log';`);
    await a.exportTo(file(folder, '2.dxb'));
    expect(held).toBeGreaterThan(2);
    await refusedWith(city, file(folder, '2.dxb'), /cut back|trimmed|rewritten/);
  });

  it('item 2: refuses a re-signed bundle that leaves out the audit entry its checkpoint signs, naming the entry', async () => {
    const { a, city, folder } = await enrolledLaptop();
    a.assess({ name: '无头单位' });
    await a.exportTo(file(folder, '2.dxb'));
    let dropped = 0;
    await rebuild(file(folder, '2.dxb'), file(folder, 'headless.dxb'), a.signer, {
      entries: (entries) =>
        entries.map((entry) => {
          if (entry.name !== 'records/audit_log.jsonl') return entry;
          const lines = jsonLines(entry.bytes);
          dropped = lines.at(-1)!.seq as number;
          return { ...entry, bytes: toJsonLines(lines.slice(0, -1)) };
        }),
      manifest: (manifest) => ({ ...manifest, counts: { ...manifest.counts, audit_log: (manifest.counts.audit_log ?? 1) - 1 } }),
    });
    await refusedWith(city, file(folder, 'headless.dxb'), new RegExp(`the signed checkpoint at entry ${dropped} comes without that audit entry`));
    expect((await trustEntry(city, a)).warnings[0]).toMatchObject({ problem: 'missingHead', seqFrom: dropped, seqTo: dropped });
    // The genuine bundle still goes in.
    expect(await city.importFrom(file(folder, '2.dxb'))).toMatchObject({ status: 'imported' });
  });

  it('raises no warning for a laptop that sends its bundles in order', async () => {
    const { a, city, folder } = await enrolledLaptop();
    a.assess({ name: '顺序单位' });
    await a.exportTo(file(folder, '2.dxb'));
    expect(await city.importFrom(file(folder, '2.dxb'))).toMatchObject({ status: 'imported' });
    expect((await trustEntry(city, a)).warnings).toEqual([]);
  });

  it('lets the city role acknowledge a warning once, with a note, in the audit log; others may not', async () => {
    const { a, city, folder } = await enrolledLaptop();
    tamper(a.core.services.db, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    a.assess({ name: '待确认单位' });
    await a.exportTo(file(folder, '2.dxb'));
    await city.importFrom(file(folder, '2.dxb'));
    const [warning] = (await trustEntry(city, a)).warnings;
    const dispatch = city.core.dispatcher;
    expect(await dispatch.dispatch('trust.acknowledgeWarning', { id: warning!.id, note: '已电话核实' }, asInspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const done = await dispatch.dispatch('trust.acknowledgeWarning', { id: warning!.id, note: '已电话核实：笔记本重装' }, asCity);
    expect(done).toMatchObject({ ok: true, value: { acknowledgedBy: 'test:市指挥部刘', acknowledgeNote: '已电话核实：笔记本重装' } });
    expect((done as { value: TrustWarning }).value.acknowledgedAt).toBeTruthy();
    expect(await dispatch.dispatch('trust.acknowledgeWarning', { id: warning!.id }, asCity)).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { reason: 'already-acknowledged' } } });
    expect(await dispatch.dispatch('trust.acknowledgeWarning', { id: 'no-such-warning' }, asCity)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const entry = city.core.services.db.prepare("SELECT actor, subject, data FROM audit_log WHERE action = 'trust.acknowledgeWarning'").get() as { actor: string; subject: string; data: string };
    expect(entry).toMatchObject({ actor: 'test:市指挥部刘', subject: warning!.id });
    expect(JSON.parse(entry.data)).toMatchObject({ workstationId: a.identity.workstationId, problem: 'restart', note: '已电话核实：笔记本重装' });
    // Kept for good: the sqlite3 shell is needed to remove one.
    expect(() => city.core.services.db.prepare('DELETE FROM trust_warnings').run()).toThrow(/kept/);
  });

  it('lists the warning with `dingxing trust list` and takes `dingxing trust acknowledge ID --note`', async () => {
    const { a, city, folder } = await enrolledLaptop();
    tamper(a.core.services.db, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    a.assess({ name: '命令行单位' });
    await a.exportTo(file(folder, '2.dxb'));
    await city.importFrom(file(folder, '2.dxb'));
    const dbFile = city.core.services.dbFile;
    const listed = await cli('trust', 'list', '--db', dbFile);
    expect(listed.stdout).toMatch(/1 warning to acknowledge/);
    expect(listed.stdout).toMatch(/restarts at entry/);
    const [warning] = (await trustEntry(city, a)).warnings;
    const done = await cli('trust', 'acknowledge', warning!.id, '--note', '已核实', '--db', dbFile, '--json');
    expect(done.code).toBe(0);
    expect(done.json()).toMatchObject({ id: warning!.id, acknowledgeNote: '已核实', acknowledgedBy: expect.stringMatching(/^cli:/) });
    expect((await cli('trust', 'list', '--db', dbFile)).stdout).not.toMatch(/to acknowledge/);
    expect((await cli('trust', 'acknowledge', warning!.id, '--db', dbFile)).code).toBe(1);
  });
});
