// What a call left in the database: a digest of every table's rows (a change rolled back leaves none).
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';

export function databaseDigest(db: Database): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; sql: string }[];
  for (const { name: table, sql } of tables) {
    hash.update(`\u0000${table}\u0000`);
    // A table WITHOUT ROWID is read in its primary key's order.
    const order = /WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid';
    for (const row of db.prepare(`SELECT * FROM "${table}"${order}`).raw().iterate()) hash.update(JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? value.toString('base64') : value)));
  }
  return hash.digest('hex');
}

/** Audit entries appended after `seq`, oldest first. */
export function auditSince(db: Database, seq: number): { seq: number; actor: string; action: string }[] {
  return db.prepare('SELECT seq, actor, action FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as { seq: number; actor: string; action: string }[];
}

export function lastAuditSeq(db: Database): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) FROM audit_log').pluck().get() as number) ?? 0;
}
