// Migration 1: the meta table and the append-only, hash-chained audit log.
import { describe, expect, it } from 'vitest';
import { appendAudit, entryHash, genesisHash } from '../../../electron/main/audit/audit-log';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

async function atVersion1() {
  return (await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 1) })).db;
}

describe('migration 0001 workstation and audit log', () => {
  it('creates meta and audit_log', async () => {
    const db = await atVersion1();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['meta', 'audit_log']));
    db.close();
  });

  it('chains audit entries by hash and refuses updates and deletes', async () => {
    const db = await atVersion1();
    appendAudit(db, 'ws-1', { actor: 'tester', action: 'first' }, new Date('2026-12-01T10:00:00Z'));
    appendAudit(db, 'ws-1', { actor: 'tester', action: 'second', data: { n: 2 } }, new Date('2026-12-01T10:00:01Z'));
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, string>[];
    expect(rows[0]?.prev_hash).toBe(genesisHash);
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    const second = rows[1] as Record<string, string>;
    expect(
      entryHash(second.prev_hash as string, {
        id: second.id as string,
        at: second.at as string,
        workstationId: second.workstation_id as string,
        actor: second.actor as string,
        action: second.action as string,
        subject: null,
        data: second.data as string,
      }),
    ).toBe(second.hash);
    expect(() => db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow('append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('append-only');
    db.close();
  });
});
