// Migration 0002 (unit registry) on a fresh database: tables, constraints and indexes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../../electron/main/db/open-database';
import { migration0001 } from '../../../electron/main/db/migrations/0001-workstation';
import { migration0002 } from '../../../electron/main/db/migrations/0002-registry';
import { migrations } from '../../../electron/main/db/migrations/index';

let dir: string;
let db: Database;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dx-mig2-'));
  db = new BetterSqlite3(path.join(dir, 'test.sqlite'));
  db.pragma('foreign_keys = ON');
  applyMigrations(db, [migration0001, migration0002], 0);
  db.prepare("INSERT INTO districts VALUES ('420102', '江岸区', 'Jiang''an District', 'district', 1)").run();
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const now = '2026-11-29T00:00:00.000Z';
function insertUnit(fields: Record<string, unknown> = {}): void {
  db.prepare(
    `INSERT INTO units (id, workstation_id, name, kind, district_code, uscc, households, current_stars, created_at, updated_at)
     VALUES (@id, 'ws', @name, @kind, @district_code, @uscc, @households, @current_stars, @now, @now)`,
  ).run({ id: 'u1', name: '甲公司', kind: 'enterprise', district_code: '420102', uscc: null, households: null, current_stars: 0, now, ...fields });
}

describe('migration 0002: unit registry', () => {
  it('is version 2 and comes right after 0001 in the list', () => {
    expect(migration0002.version).toBe(2);
    expect(migrations[1]).toBe(migration0002);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
  });

  it('creates strict tables for districts, streets, units and star history', () => {
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
    for (const name of ['districts', 'streets', 'units', 'unit_star_history']) {
      const table = tables.find((row) => row.name === name);
      expect(table, name).toBeDefined();
      expect(table?.sql).toMatch(/STRICT\s*$/);
    }
  });

  it('indexes the list filters', () => {
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'units'").pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['units_kind', 'units_industry', 'units_stars', 'units_name']));
  });

  it('fills defaults: in scope, no stars', () => {
    insertUnit();
    expect(db.prepare('SELECT in_scope, current_stars FROM units').get()).toEqual({ in_scope: 1, current_stars: 0 });
  });

  it('refuses an unknown kind of unit', () => {
    expect(() => insertUnit({ kind: 'shop' })).toThrow(/CHECK/);
  });

  it('refuses a unit in a district that does not exist', () => {
    expect(() => insertUnit({ district_code: '999999' })).toThrow(/FOREIGN KEY/);
  });

  it('refuses two units with the same name in one district', () => {
    insertUnit();
    expect(() => insertUnit({ id: 'u2' })).toThrow(/UNIQUE/);
  });

  it('refuses two units with the same USCC but allows many without one', () => {
    insertUnit({ uscc: '914403001922038216' });
    expect(() => insertUnit({ id: 'u2', name: '乙公司', uscc: '914403001922038216' })).toThrow(/UNIQUE/);
    insertUnit({ id: 'u3', name: '丙公司', uscc: null });
    insertUnit({ id: 'u4', name: '丁公司', uscc: null });
    expect(db.prepare('SELECT count(*) FROM units').pluck().get()).toBe(3);
  });

  it('refuses stars outside 0..5 and a district kind outside district/zone', () => {
    expect(() => insertUnit({ current_stars: 6 })).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO districts VALUES ('X', 'X区', 'X', 'county', 2)").run()).toThrow(/CHECK/);
  });

  it('refuses a non-integer households count (STRICT)', () => {
    expect(() => insertUnit({ households: 'many' })).toThrow(/cannot store TEXT value in INTEGER column/);
  });

  it('keeps street names unique per district and star history tied to a unit', () => {
    db.prepare("INSERT INTO streets VALUES ('s1', '420102', '大智街道')").run();
    expect(() => db.prepare("INSERT INTO streets VALUES ('s2', '420102', '大智街道')").run()).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, created_at) VALUES ('h1', 'nope', 2026, 3, 2, '2026-11-20', ?)").run(now),
    ).toThrow(/FOREIGN KEY/);
  });
});
