// Migration 0016: each assessment knows the user who started it; existing ones learn it from the audit log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations/index';
import { migration0015 } from '../../../electron/main/db/migrations/0015-assessment-started-by';

describe('migration 0015: who started an assessment', () => {
  it('is numbered by its place', () => {
    expect(migrations[migration0015.version - 1]).toBe(migration0015);
    expect(migration0015.version).toBe(15);
  });

  it('fills started_by_id from the audit entry of the start or the correction, and leaves others empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-mig16-'));
    const db = new BetterSqlite3(path.join(dir, 'test.sqlite'));
    try {
      const before = migrations.indexOf(migration0015);
      applyMigrations(db, migrations.slice(0, before), 0);
      const stamp = '2026-11-20T00:00:00.000Z';
      db.prepare("INSERT INTO districts VALUES ('420102', '江岸区', 'Jiang''an District', 'district', 1)").run();
      db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES ('u1', 'ws', '甲', 'enterprise', '420102', ?, ?)").run(stamp, stamp);
      const insert = db.prepare("INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, status, created_at, updated_at) VALUES (?, 'ws', 'u1', 2026, '2026-11-20', 'wuhan-star@2026.1', 'draft', ?, ?)");
      for (const id of ['a-started', 'a-corrected', 'a-unknown']) insert.run(id, stamp, stamp);
      const audit = db.prepare("INSERT INTO audit_log (id, at, workstation_id, actor, action, subject, prev_hash, hash) VALUES (?, ?, 'ws', ?, ?, ?, '', '')");
      audit.run('l1', stamp, 'user-li', 'assessment.start', 'a-started');
      audit.run('l2', stamp, 'user-wang', 'assessment.supersede', 'a-corrected');
      audit.run('l3', stamp, 'user-zhao', 'assessment.submit', 'a-unknown');
      applyMigrations(db, migrations, before);
      const rows = db.prepare('SELECT id, started_by_id AS startedBy FROM assessments ORDER BY id').all();
      expect(rows).toEqual([
        { id: 'a-corrected', startedBy: 'user-wang' },
        { id: 'a-started', startedBy: 'user-li' },
        { id: 'a-unknown', startedBy: null },
      ]);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
