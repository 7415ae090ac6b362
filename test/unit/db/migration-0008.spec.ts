// Migration 0010: workstation keys, certificates and revocations; certificates and revocations are append-only.
import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { migration0008 } from '../../../electron/main/db/migrations/0008-certificates';
import { migrations } from '../../../electron/main/db/migrations/index';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile } from '../../helpers/temp';

async function withCertificate(): Promise<Database> {
  const db = (await openDatabase(tempDbFile())).db;
  db.prepare("INSERT OR IGNORE INTO districts (code, name, name_en, kind, sort) VALUES ('420105', '汉阳区', 'Hanyang', 'district', 4)").run();
  db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES ('u1', 'ws', '测试单位', 'enterprise', '420105', 't', 't')").run();
  db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, answers, status, result, total, awarded_stars, signed_at, created_at, updated_at)
     VALUES ('a1', 'ws', 'u1', 2026, '2026-11-20', 'wuhan-star@2026.1', '{}', 'final', '{}', 90, 3, 't', 't', 't')`,
  ).run();
  db.prepare(
    `INSERT INTO certificates (id, workstation_id, number, sequence, assessment_id, unit_id, unit_name, district_code, cycle, stars, issued_on, valid_until, authority, qr_payload, issued_by, issued_at)
     VALUES ('c1', 'ws', 'WH-2026-420105-000001', 1, 'a1', 'u1', '测试单位', '420105', 2026, 3, '2026-12-01', '2027-12-31', '武汉', 'DX1.a.b', 'leader', 't')`,
  ).run();
  return db;
}

describe('migration 0008 certificates', () => {
  it('follows the migrations before it and creates its tables', async () => {
    expect(migrations.indexOf(migration0008) + 1).toBe(migration0008.version);
    const db = await withCertificate();
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['workstation_keys', 'workstation_key_wraps', 'certificates', 'certificate_revocations', 'certificate_authorities']));
    db.close();
  });

  it('refuses changing or deleting a certificate or a revocation', async () => {
    const db = await withCertificate();
    expect(() => db.prepare('UPDATE certificates SET stars = 5').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM certificates').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO certificate_revocations (id, certificate_id, workstation_id, cause, reason, revoked_on, revoked_by, created_at) VALUES ('r1', 'c1', 'ws', 'manual', '收回', '2026-12-02', 'leader', 't')").run();
    expect(() => db.prepare("UPDATE certificate_revocations SET reason = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM certificate_revocations').run()).toThrow(/append-only/);
    db.close();
  });

  it('refuses a second certificate for one assessment and a repeated number', async () => {
    const db = await withCertificate();
    expect(() =>
      db
        .prepare(
          `INSERT INTO certificates (id, workstation_id, number, sequence, assessment_id, unit_id, unit_name, district_code, cycle, stars, issued_on, valid_until, authority, qr_payload, issued_by, issued_at)
           VALUES ('c2', 'ws', 'WH-2026-420105-000002', 2, 'a1', 'u1', '测试单位', '420105', 2026, 3, '2026-12-01', '2027-12-31', '武汉', 'DX1.a.b', 'leader', 't')`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.close();
  });
});
