// Migration 0016: warnings on trust entries are kept for good and acknowledged once; the received
// audit entries are read by (workstation, seq) and by hash through indexes.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { migration0016 } from '../../../electron/main/db/migrations/0016-audit-chain-warnings';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

async function withWarning(): Promise<Database> {
  const db = (await openDatabase(tempDbFile())).db;
  db.prepare(
    `INSERT INTO trust_warnings (id, workstation_id, import_id, bundle_id, sequence, problem, seq_from, seq_to, message, message_en, created_at)
     VALUES ('w1', 'ws-laptop', 'i1', 'b1', 2, 'restart', 191, 191, '审计链重新开始', 'the chain restarts', '2026-12-01T10:00:00Z')`,
  ).run();
  return db;
}

describe('migration 0016 audit chain warnings', () => {
  it('follows the migrations before it and indexes the received entries', async () => {
    expect(migrations.indexOf(migration0016) + 1).toBe(migration0016.version);
    const db = await withWarning();
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'bundle_audit_entries'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['bundle_audit_entries_chain', 'bundle_audit_entries_hash']));
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT hash FROM bundle_audit_entries WHERE workstation_id = 'w' AND seq = 3").all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/USING INDEX bundle_audit_entries_chain/);
    db.close();
  });

  it('acknowledges a warning once, never changes what it says, and never deletes it', async () => {
    const db = await withWarning();
    expect(() => db.prepare("UPDATE trust_warnings SET message = 'nothing happened'").run()).toThrow(/only acknowledged, once/);
    expect(() => db.prepare("UPDATE trust_warnings SET acknowledged_at = 't'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE trust_warnings SET acknowledged_at = 't', acknowledged_by = 'city:liu', acknowledge_note = 'checked'").run();
    expect(() => db.prepare("UPDATE trust_warnings SET acknowledge_note = 'changed my mind'").run()).toThrow(/only acknowledged, once/);
    expect(() => db.prepare('DELETE FROM trust_warnings').run()).toThrow(/kept/);
    db.close();
  });
});
