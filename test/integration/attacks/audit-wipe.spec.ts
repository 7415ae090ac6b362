// Item 1 of the hostile run, on the laptop itself: with the append-only triggers dropped by the
// sqlite3 shell, deleting every audit entry and checkpoint left `dingxing audit verify` at
// "intact: 0 entries", exit 0, beside units, signed assessments, certificates and an export; so
// did deleting only the checkpoints, cutting the tail off with them, or rewriting the log with
// every hash recomputed once the checkpoints were gone. Each way now fails, naming what is missing.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryHash, genesisHash } from '../../../electron/main/audit/audit-log';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp';

const passphrase = 'audit wipe passphrase';

interface Verdict {
  ok: boolean;
  firstBroken: { seq: number; problem: string; missing: { from: number; to: number } | null } | null;
  head: { ok: boolean; problem: string | null; lastExportSeq: number | null; newestCheckpointSeq: number | null };
  records: { ok: boolean; missing: number; missingByKind: Record<string, number>; checked: Record<string, number> };
}

let original = '';

/** A fresh copy of the demo workstation: users, signed assessments, certificates, a revocation, an export. */
function copyOfWorkstation(): string {
  const dir = tempDir();
  const file = path.join(dir, 'laptop.sqlite');
  fs.copyFileSync(original, file);
  return file;
}

/** The sqlite3 shell: triggers dropped, then the attacker's statements. */
function tamper(file: string, sql: string): void {
  const raw = new BetterSqlite3(file);
  raw.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
            DROP TRIGGER IF EXISTS audit_checkpoints_no_update; DROP TRIGGER IF EXISTS audit_checkpoints_no_delete; ${sql}`);
  raw.close();
}

/** Rewrites the whole log with recomputed hashes, as someone with this module's code could. */
function rehash(file: string, change: string): void {
  tamper(file, change);
  const raw = new BetterSqlite3(file);
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

async function verify(file: string): Promise<{ code: number; verdict: Verdict; stderr: string }> {
  const run = await cli('audit', 'verify', '--db', file, '--json');
  return { code: run.code, verdict: run.json<Verdict>(), stderr: run.stderr };
}

beforeAll(async () => {
  process.env.DINGXING_KEY_PASSPHRASE = passphrase;
  original = path.join(tempDir(), 'original.sqlite');
  process.env.DINGXING_PASSWORD = 'admin-password-1';
  expect((await cli('init', '--admin', 'admin', '--db', original)).code).toBe(0);
  expect((await cli('identity', 'create', '--db', original)).code).toBe(0);
  expect((await cli('demo', '--units', '40', '--db', original)).code).toBe(0);
  const raw = new BetterSqlite3(original, { readonly: true });
  const certificate = raw.prepare('SELECT id FROM certificates LIMIT 1').pluck().get() as string;
  raw.close();
  expect((await cli('certificate', 'revoke', certificate, '--reason', '测试撤销', '--db', original)).code).toBe(0);
  expect((await cli('export', '--out', path.join(tempDir(), 'week.dxb'), '--db', original)).code).toBe(0);
}, 120_000);

afterAll(() => {
  delete process.env.DINGXING_KEY_PASSPHRASE;
  delete process.env.DINGXING_PASSWORD;
});

describe('item 1, locally: an emptied or cut-back audit log', () => {
  it('passes the untouched workstation, every audited record found with its entry', async () => {
    const { code, verdict } = await verify(copyOfWorkstation());
    expect(code).toBe(0);
    expect(verdict.ok).toBe(true);
    expect(verdict.records.checked).toMatchObject({ user: 1, export: 1 });
    for (const kind of ['signedAssessment', 'certificate', 'revocation']) expect(verdict.records.checked[kind], kind).toBeGreaterThan(0);
  });

  it('fails a log with every entry and checkpoint deleted, naming the records without entries', async () => {
    const file = copyOfWorkstation();
    tamper(file, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    const { code, verdict, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.records.ok).toBe(false);
    expect(Object.keys(verdict.records.missingByKind).sort()).toEqual(['certificate', 'export', 'revocation', 'signedAssessment', 'user']);
    expect(stderr).toMatch(/审计日志缺少/);
    expect(stderr).toMatch(/has no entry for records/);
    expect(stderr).toMatch(/deleted/);
  });

  it('fails the same wipe with SQLite’s counter reset too, and new entries written after it', async () => {
    const file = copyOfWorkstation();
    tamper(file, "DELETE FROM audit_log; DELETE FROM audit_checkpoints; DELETE FROM sqlite_sequence WHERE name = 'audit_log';");
    expect((await cli('units', 'list', '--db', file)).code).toBe(0);
    const { code, verdict } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.records.missing).toBeGreaterThan(0);
    expect(verdict.head).toMatchObject({ problem: 'checkpointBehindExport', newestCheckpointSeq: null });
  });

  it('fails a log whose checkpoints alone were deleted', async () => {
    const file = copyOfWorkstation();
    tamper(file, 'DELETE FROM audit_checkpoints;');
    const { code, verdict, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.head).toMatchObject({ ok: false, problem: 'checkpointBehindExport', newestCheckpointSeq: null });
    expect(stderr).toMatch(/checkpoints were removed/);
  });

  it('fails a log whose checkpoints were deleted with the export history that asked for them: the log’s own export entry says so', async () => {
    const signedAtExport = (await verify(copyOfWorkstation())).verdict.head.lastExportSeq;
    expect(signedAtExport).toBeGreaterThan(0);
    const file = copyOfWorkstation();
    tamper(file, 'DELETE FROM audit_checkpoints; DELETE FROM bundle_exports;');
    const { code, verdict, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.head).toMatchObject({ ok: false, problem: 'checkpointBehindExport', lastExportSeq: signedAtExport, newestCheckpointSeq: null });
    expect(stderr).toMatch(/checkpoints were removed/);
  });

  it('fails the same with the log rewritten and every hash recomputed', async () => {
    const file = copyOfWorkstation();
    rehash(file, "DELETE FROM audit_checkpoints; DELETE FROM bundle_exports; UPDATE audit_log SET actor = 'cli:someone-else' WHERE action = 'certificate.revoke';");
    const { code, verdict } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.firstBroken).toBeNull();
    expect(verdict.head.problem).toBe('checkpointBehindExport');
  });

  it('fails a log whose tail was cut off with its checkpoints', async () => {
    const file = copyOfWorkstation();
    tamper(file, 'DELETE FROM audit_checkpoints; DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 5 FROM audit_log);');
    const { code, verdict, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.head.problem).toBe('trimmed');
    expect(stderr).toMatch(/the newest audit entries \d+–\d+ were deleted/);
  });

  it('fails a wiped log that goes on from a zero prev_hash, naming the numbers that are gone', async () => {
    const file = copyOfWorkstation();
    tamper(file, 'DELETE FROM audit_log; DELETE FROM audit_checkpoints;');
    expect((await cli('users', 'add', 'lijc', '--role', 'inspector', '--db', file)).code).toBe(0);
    const raw = new BetterSqlite3(file, { readonly: true });
    const first = raw.prepare('SELECT seq, prev_hash FROM audit_log ORDER BY seq LIMIT 1').get() as { seq: number; prev_hash: string };
    raw.close();
    expect(first.prev_hash).toBe(genesisHash);
    expect(first.seq).toBeGreaterThan(1);
    const { code, verdict, stderr } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.firstBroken).toMatchObject({ seq: first.seq, problem: 'deletedOrReordered', missing: { from: 1, to: first.seq - 1 } });
    expect(stderr).toContain(`entries 1–${first.seq - 1} before it were deleted`);
  });

  it('fails a log rewritten with every hash recomputed once the checkpoints were gone', async () => {
    const file = copyOfWorkstation();
    rehash(file, "DELETE FROM audit_checkpoints; UPDATE audit_log SET actor = 'cli:someone-else' WHERE action = 'certificate.revoke';");
    const { code, verdict } = await verify(file);
    expect(code).toBe(1);
    expect(verdict.firstBroken).toBeNull();
    expect(verdict.head.problem).toBe('checkpointBehindExport');
  });

  it('names the restore that put the database in place when its entry is gone', async () => {
    const file = copyOfWorkstation();
    const backup = path.join(path.dirname(file), 'copy.sqlite');
    expect((await cli('backup', '--out', backup, '--db', file)).code).toBe(0);
    expect((await cli('restore', backup, '--db', file)).code).toBe(0);
    expect((await verify(file)).code).toBe(0);
    tamper(file, "DELETE FROM audit_log WHERE action = 'restore'; DELETE FROM sqlite_sequence;");
    const { verdict } = await verify(file);
    expect(verdict.records.missingByKind).toMatchObject({ restore: 1 });
  });
});
