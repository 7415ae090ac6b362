// Migration 4: assessments, evidence and rectifications; signed assessments are immutable in the database itself.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

async function atVersion4(): Promise<Database> {
  const db = (await openDatabase(tempDbFile(), { migrations: migrations.slice(0, 4) })).db;
  db.prepare("INSERT INTO districts (code, name, name_en, kind, sort) VALUES ('420105', '汉阳区', 'Hanyang', 'district', 4)").run();
  db.prepare(
    "INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES ('u1', 'ws', '测试单位', 'enterprise', '420105', 't', 't')",
  ).run();
  return db;
}

function insertAssessment(db: Database, id: string, status: string): void {
  const signed = status === 'signed' || status === 'final';
  db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, answers, status, result, total, awarded_stars, signed_at, created_at, updated_at)
     VALUES (?, 'ws', 'u1', 2026, '2026-11-20', 'wuhan-star@2026.1', '{"RES-1":true}', ?, ?, ?, ?, ?, 't', 't')`,
  ).run(id, status, signed ? '{}' : null, signed ? 80 : null, signed ? 3 : null, signed ? 't' : null);
}

describe('migration 0004 assessments', () => {
  it('is version 4 and creates its tables', async () => {
    expect(migrations[3]?.version).toBe(4);
    const db = await atVersion4();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['assessments', 'evidence', 'rectifications']));
    db.close();
  });

  it('lets a draft change freely', async () => {
    const db = await atVersion4();
    insertAssessment(db, 'a1', 'draft');
    expect(db.prepare(`UPDATE assessments SET answers = '{"RES-1":false}' WHERE id = 'a1'`).run().changes).toBe(1);
    expect(db.prepare("SELECT answers FROM assessments WHERE id = 'a1'").pluck().get()).toBe('{"RES-1":false}');
    expect(db.prepare("DELETE FROM assessments WHERE id = 'a1'").run().changes).toBe(1);
    expect(db.prepare('SELECT count(*) FROM assessments').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses to change the answers or result of a signed assessment', async () => {
    const db = await atVersion4();
    insertAssessment(db, 'a1', 'signed');
    expect(() => db.prepare(`UPDATE assessments SET answers = '{}' WHERE id = 'a1'`).run()).toThrow('immutable');
    expect(() => db.prepare(`UPDATE assessments SET result = '{"x":1}' WHERE id = 'a1'`).run()).toThrow('immutable');
    expect(() => db.prepare(`UPDATE assessments SET awarded_stars = 5 WHERE id = 'a1'`).run()).toThrow('immutable');
    expect(() => db.prepare(`UPDATE assessments SET status = 'draft' WHERE id = 'a1'`).run()).toThrow('immutable');
    expect(() => db.prepare("DELETE FROM assessments WHERE id = 'a1'").run()).toThrow('immutable');
    db.close();
  });

  it('allows signed → final and nothing after final', async () => {
    const db = await atVersion4();
    insertAssessment(db, 'a1', 'signed');
    db.prepare("UPDATE assessments SET status = 'final', updated_at = 'later' WHERE id = 'a1'").run();
    expect(() => db.prepare("UPDATE assessments SET status = 'signed' WHERE id = 'a1'").run()).toThrow('immutable');
    db.close();
  });

  it('refuses a signed row without result, and removing evidence of a signed assessment', async () => {
    const db = await atVersion4();
    expect(() =>
      db.prepare("INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, status, created_at, updated_at) VALUES ('x', 'ws', 'u1', 2026, '2026-01-01', 'r', 'signed', 't', 't')").run(),
    ).toThrow();
    insertAssessment(db, 'a1', 'signed');
    db.prepare("INSERT INTO evidence (id, assessment_id, item_id, sha256, mime, bytes, original_name, created_at) VALUES ('e1', 'a1', 'RES-1', ?, 'image/png', 10, 'x.png', 't')").run('a'.repeat(64));
    expect(() => db.prepare("DELETE FROM evidence WHERE id = 'e1'").run()).toThrow('signed');
    db.close();
  });

  it('keeps a rectification’s status and closing date consistent', async () => {
    const db = await atVersion4();
    const insert = db.prepare("INSERT INTO rectifications (id, workstation_id, unit_id, description, due_on, status, closed_on, created_at, updated_at) VALUES (?, 'ws', 'u1', 'fix', '2026-12-01', ?, ?, 't', 't')");
    insert.run('r1', 'open', null);
    expect(() => insert.run('r2', 'done', null)).toThrow();
    expect(() => insert.run('r3', 'open', '2026-12-02')).toThrow();
    db.close();
  });
});
