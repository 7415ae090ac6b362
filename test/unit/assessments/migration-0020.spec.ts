// Migration 0020: an assessment keeps why, by whom and when a team leader last sent it back; earlier ones have no reason.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migrations } from '../../../electron/main/db/migrations/index';
import { migration0020 } from '../../../electron/main/db/migrations/0020-assessment-sent-back';

describe('migration 0020: the reason an assessment was sent back', () => {
  it('is the last migration, numbered by its place', () => {
    expect(migrations.at(-1)).toBe(migration0020);
    expect(migration0020.version).toBe(migrations.length);
  });

  it('adds empty reason, who and when to existing assessments, keeping everything else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-mig20-'));
    const db = new BetterSqlite3(path.join(dir, 'test.sqlite'));
    try {
      const before = migrations.indexOf(migration0020);
      applyMigrations(db, migrations.slice(0, before), 0);
      const stamp = '2026-11-20T00:00:00.000Z';
      db.prepare("INSERT INTO districts VALUES ('420102', '江岸区', 'Jiang''an District', 'district', 1)").run();
      db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES ('u1', 'ws', '甲', 'enterprise', '420102', ?, ?)").run(stamp, stamp);
      db.prepare("INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, status, answers, created_at, updated_at) VALUES ('a1', 'ws', 'u1', 2026, '2026-11-20', 'wuhan-star@2026.1', 'draft', '{\"RES-1\":true}', ?, ?)").run(stamp, stamp);
      applyMigrations(db, migrations, before);
      expect(db.prepare('SELECT answers, sent_back_reason, sent_back_by, sent_back_at FROM assessments').get()).toEqual({ answers: '{"RES-1":true}', sent_back_reason: null, sent_back_by: null, sent_back_at: null });
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
