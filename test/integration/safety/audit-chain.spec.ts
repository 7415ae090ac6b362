// The audit log's hash chain is checked: `dingxing audit verify` and system.integrityCheck name the
// first entry that was edited, deleted or reordered behind the app's back (here with raw SQL).
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/main/host/core';
import { cli } from '../../helpers/cli';
import { anyone } from '../../helpers/actors';
import { describeAuditProblems, verifyAuditLog } from '../../../electron/main/audit/verify-log';
import { tempDbFile } from '../../helpers/temp';
import { contextOf, recordedAs } from '../../helpers/context';

async function auditedDatabase(entries = 5): Promise<string> {
  const dbFile = tempDbFile();
  const core = await openCore({ dbFile, jobMode: 'inline' });
  for (let index = 1; index <= entries; index += 1) contextOf(core, recordedAs('test')).audit({ action: `step.${index}`, data: { index } });
  core.close();
  return dbFile;
}

/** What someone with the sqlite3 shell could do: drop the append-only triggers and change rows. */
function tamper(dbFile: string, sql: string): void {
  const raw = new BetterSqlite3(dbFile);
  raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql}`);
  raw.close();
}

const seqOf = (dbFile: string, action: string) => {
  const raw = new BetterSqlite3(dbFile, { readonly: true });
  const seq = raw.prepare('SELECT seq FROM audit_log WHERE action = ?').pluck().get(action) as number;
  raw.close();
  return seq;
};

describe('dingxing audit verify', () => {
  it('passes an intact chain', async () => {
    const dbFile = await auditedDatabase();
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(0);
    expect(result.json()).toMatchObject({ ok: true, entries: 5, firstBroken: null });
  });

  it('names an edited entry', async () => {
    const dbFile = await auditedDatabase();
    const seq = seqOf(dbFile, 'step.3');
    tamper(dbFile, `UPDATE audit_log SET data = '{"index":99}' WHERE seq = ${seq}`);
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ ok: false, firstBroken: { seq, action: 'step.3', problem: 'edited' } });
    expect(result.stderr).toContain(`审计日志第 ${seq} 条`);
    expect(result.stderr).toContain('edited');
  });

  it('names the entry after a deleted one', async () => {
    const dbFile = await auditedDatabase();
    tamper(dbFile, `DELETE FROM audit_log WHERE seq = ${seqOf(dbFile, 'step.2')}`);
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ firstBroken: { action: 'step.3', problem: 'deletedOrReordered' } });
  });

  it('names reordered entries', async () => {
    const dbFile = await auditedDatabase();
    const [two, three] = [seqOf(dbFile, 'step.2'), seqOf(dbFile, 'step.3')];
    tamper(dbFile, `UPDATE audit_log SET seq = 1000 WHERE seq = ${two}; UPDATE audit_log SET seq = ${two} WHERE seq = ${three}; UPDATE audit_log SET seq = ${three} WHERE seq = 1000;`);
    const result = await cli('audit', 'verify', '--db', dbFile, '--json');
    expect(result.code).toBe(1);
    expect(result.json()).toMatchObject({ firstBroken: { seq: two, action: 'step.3', problem: 'deletedOrReordered' } });
  });

  it('makes system.integrityCheck report the broken chain', async () => {
    const dbFile = await auditedDatabase();
    tamper(dbFile, `UPDATE audit_log SET actor = 'someone else' WHERE seq = ${seqOf(dbFile, 'step.4')}`);
    const core = await openCore({ dbFile, jobMode: 'inline' });
    try {
      const result = await core.dispatcher.dispatch('system.integrityCheck', {}, anyone);
      expect(result).toMatchObject({ ok: true, value: { ok: false } });
      if (result.ok) expect((result.value as { problems: string[] }).problems.join('\n')).toContain('step.4');
    } finally {
      core.close();
    }
  });

  it('records an append with the change it belongs to: a rolled-back change leaves no entry', async () => {
    const dbFile = await auditedDatabase(1);
    const core = await openCore({ dbFile, jobMode: 'inline' });
    try {
      const { db } = core.services;
      expect(() =>
        db.transaction(() => {
          contextOf(core, recordedAs('test')).audit({ action: 'doomed' });
          throw new Error('the change failed');
        }).immediate(),
      ).toThrow('the change failed');
      expect(db.prepare("SELECT count(*) FROM audit_log WHERE action = 'doomed'").pluck().get()).toBe(0);
    } finally {
      core.close();
    }
  });
});

describe('verifying while another process writes', () => {
  it('does not take entries appended during the check for a cut-back log', async () => {
    const dbFile = await auditedDatabase();
    const checking = await openCore({ dbFile, jobMode: 'inline' });
    const writing = await openCore({ dbFile, jobMode: 'inline' });
    const db = checking.services.db;
    const prepare = db.prepare.bind(db);
    // The other process commits its entries just after the chain was read, before the counter is.
    const interleaved = ((sql: string) => {
      if (sql.includes('sqlite_sequence')) contextOf(writing, recordedAs('test')).audit({ action: 'meanwhile', data: {} });
      return prepare(sql);
    }) as typeof db.prepare;
    db.prepare = interleaved;
    try {
      const result = verifyAuditLog(db, checking.services.workstation.id);
      expect(describeAuditProblems(result)).toEqual([]);
      expect(result.ok).toBe(true);
    } finally {
      db.prepare = prepare;
      writing.close();
      checking.close();
    }
  });
});
