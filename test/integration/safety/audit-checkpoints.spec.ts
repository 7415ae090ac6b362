// Signed audit checkpoints: the workstation signs its chain head every so many entries and on
// demand; `dingxing audit verify` then finds a log rewritten behind a checkpoint (even with every
// hash recomputed so the chain itself verifies), a log trimmed below one, and a forged checkpoint.
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/main/host/core';
import type { Core } from '../../../electron/main/host/core';
import { nodePlatform } from '../../../electron/main/platform/platform';
import { PassphraseKeyStore } from '../../../electron/main/crypto/passphrase-key-store';
import { readPublicIdentity } from '../../../electron/main/crypto/identity';
import { makeKeys } from '../../helpers/keys';
import { entryHash, genesisHash } from '../../../electron/main/audit/audit-log';
import { checkpointInterval, listCheckpointsSince } from '../../../electron/main/audit/checkpoints';
import { createCheckpointer } from '../../../electron/main/host/checkpointer';
import { cli } from '../../helpers/cli';
import { anyone } from '../../helpers/actors';
import { tempDbFile } from '../../helpers/temp';
import { contextOf, recordedAs } from '../../helpers/context';

const passphrase = 'checkpoint-passphrase';

/** A core whose workstation has its keys (made once, as `identity create` does), opened with `keyStore` as the door's. */
async function coreWithKeys(dbFile = tempDbFile(), keyStore: ConstructorParameters<typeof PassphraseKeyStore>[0] | null = passphrase, platform = nodePlatform({ keyStore: keyStore === null ? null : new PassphraseKeyStore(keyStore) })): Promise<Core> {
  const core = await openCore({ dbFile, jobMode: 'inline', platform });
  if (readPublicIdentity(core.services.db, core.services.workstation) === null) await makeKeys(core, passphrase);
  return core;
}

function addEntries(core: Core, count: number, from = 1): void {
  for (let index = from; index < from + count; index += 1) contextOf(core, recordedAs('test')).audit({ action: `step.${index}`, data: { index } });
}

/** A database with 10 entries, a checkpoint at the 10th, and 5 entries after it. */
async function checkpointedDatabase(): Promise<{ dbFile: string; checkpointSeq: number }> {
  const dbFile = tempDbFile();
  const core = await coreWithKeys(dbFile);
  addEntries(core, 10);
  const checkpoint = await core.checkpoints.sign('manual');
  addEntries(core, 5, 11);
  core.close();
  return { dbFile, checkpointSeq: checkpoint!.seq };
}

/** What someone with the sqlite3 shell and this module's code could do: change rows and recompute every hash after them. */
function rewrite(dbFile: string, sql: string): void {
  const raw = new BetterSqlite3(dbFile);
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
  let prev = genesisHash;
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as { seq: number; id: string; at: string; workstation_id: string; actor: string; action: string; subject: string | null; data: string }[];
  const update = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const hash = entryHash(prev, { id: row.id, at: row.at, workstationId: row.workstation_id, actor: row.actor, action: row.action, subject: row.subject, data: row.data });
    update.run(prev, hash, row.seq);
    prev = hash;
  }
  raw.close();
}

describe('signed audit checkpoints', () => {
  it(`signs the chain head once ${checkpointInterval} entries are unsigned, and not before`, async () => {
    const core = await coreWithKeys();
    const before = listCheckpointsSince(core.services.db, core.services.workstation.id, 0).length;
    addEntries(core, checkpointInterval - 1);
    // Opening the core may have written entries already; count from the last checkpoint on.
    const checkpointer = createCheckpointer(core.services, checkpointInterval + 1000);
    expect(await checkpointer.ifDue()).toBeNull();
    addEntries(core, 1);
    const signed = await core.checkpoints.ifDue();
    expect(signed).toMatchObject({ reason: 'interval', workstationId: core.services.workstation.id });
    const head = core.services.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    expect(signed!.seq).toBe(head);
    expect(listCheckpointsSince(core.services.db, core.services.workstation.id, 0)).toHaveLength(before + 1);
    expect(await core.checkpoints.ifDue()).toBeNull();
    core.close();
  });

  it('signs after a procedure call through the dispatcher once one is due', async () => {
    const core = await coreWithKeys();
    addEntries(core, checkpointInterval);
    expect(listCheckpointsSince(core.services.db, core.services.workstation.id, 0)).toHaveLength(0);
    expect(await core.dispatcher.dispatch('system.status', {}, anyone)).toMatchObject({ ok: true });
    // The hook is not awaited by the call: wait for the signing it started.
    await vi.waitFor(() => expect(listCheckpointsSince(core.services.db, core.services.workstation.id, 0)).toHaveLength(1), { timeout: 5000 });
    core.close();
  });

  it('waits where the keys cannot be had without asking (no key store, or one that prompts)', async () => {
    const bare = await coreWithKeys(tempDbFile(), null);
    addEntries(bare, checkpointInterval + 1);
    expect(await bare.checkpoints.ifDue()).toBeNull();
    bare.close();
    const prompting = await coreWithKeys(tempDbFile(), null, nodePlatform({ keyStore: { method: 'passphrase', asks: true, protect: () => Promise.reject(new Error('asked')), unprotect: () => Promise.reject(new Error('asked')) } }));
    addEntries(prompting, checkpointInterval + 1);
    expect(await prompting.checkpoints.ifDue()).toBeNull();
    prompting.close();
  });

  it('verifies an intact log with its checkpoints', async () => {
    const { dbFile, checkpointSeq } = await checkpointedDatabase();
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, firstBroken: null, checkpoints: { ok: true, checkpoints: 1, lastSeq: checkpointSeq, firstProblem: null } });
  });

  it('finds a log rewritten behind a checkpoint even when every hash was recomputed', async () => {
    const { dbFile, checkpointSeq } = await checkpointedDatabase();
    rewrite(dbFile, `UPDATE audit_log SET data = '{"index":99}' WHERE action = 'step.3'`);
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ ok: false, firstBroken: null, checkpoints: { ok: false, firstProblem: { seq: checkpointSeq, problem: 'rewritten' } } });
    expect(result.stderr).toContain(`审计检查点（第 ${checkpointSeq} 条）`);
    expect(result.stderr).toContain('rewritten');
  });

  it('finds a log trimmed below a checkpoint', async () => {
    const { dbFile, checkpointSeq } = await checkpointedDatabase();
    rewrite(dbFile, `DELETE FROM audit_log WHERE seq >= ${checkpointSeq - 2}`);
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ checkpoints: { firstProblem: { seq: checkpointSeq, problem: 'trimmed' } } });
  });

  it('refuses a checkpoint moved to a rewritten log without the workstation key', async () => {
    const { dbFile, checkpointSeq } = await checkpointedDatabase();
    rewrite(dbFile, `UPDATE audit_log SET data = '{"index":99}' WHERE action = 'step.3'`);
    const raw = new BetterSqlite3(dbFile);
    raw.exec('DROP TRIGGER audit_checkpoints_no_update');
    raw.prepare('UPDATE audit_checkpoints SET hash = (SELECT hash FROM audit_log WHERE seq = audit_checkpoints.seq)').run();
    raw.close();
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ checkpoints: { firstProblem: { seq: checkpointSeq, problem: 'badSignature' } } });
  });

  it('signs on demand with `dingxing audit checkpoint` and says so when the head is already signed', async () => {
    const dbFile = tempDbFile();
    const core = await coreWithKeys(dbFile);
    addEntries(core, 3);
    core.close();
    process.env.DINGXING_KEY_PASSPHRASE = passphrase;
    try {
      const first = await cli('audit', 'checkpoint', '--db', dbFile, '--json');
      expect(first.code).toBe(0);
      expect(first.json()).toMatchObject({ reason: 'manual', signature: expect.any(String) });
      const again = await cli('audit', 'checkpoint', '--db', dbFile);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('already signed');
    } finally {
      delete process.env.DINGXING_KEY_PASSPHRASE;
    }
  });
});
