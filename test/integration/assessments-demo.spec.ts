// `dingxing demo`: a realistic, deterministic data set scored by the engine.
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { validateUscc } from '@shared/domain/uscc';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { wuhanStreets } from '../../electron/main/demo/wuhan-streets';

function query<T>(db: string, sql: string): T[] {
  const connection = new BetterSqlite3(db, { readonly: true });
  try {
    return connection.prepare(sql).all() as T[];
  } finally {
    connection.close();
  }
}

describe('dingxing demo', () => {
  it('names units as a local would believe: communities in their own districts, no numbered copies, no places outside Wuhan, fitting titles', async () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    expect((await cli('demo', '--units', '300', '--db', db)).code).toBe(0);
    const units = query<{ name: string; kind: string; district_code: string; contact: string }>(db, 'SELECT name, kind, district_code, contact FROM units');
    const communities = units.filter((unit) => unit.kind === 'community');
    expect(communities.filter((unit) => unit.name.startsWith('中北路') && unit.district_code !== '420106')).toEqual([]);
    expect(communities.filter((unit) => unit.name.startsWith('光谷') && unit.district_code !== '4201DH')).toEqual([]);
    expect(communities.filter((unit) => unit.name.startsWith('百步亭') && unit.district_code !== '420102')).toEqual([]);
    expect(units.filter((unit) => /（\d+）/.test(unit.name) || unit.name.includes('梁子湖'))).toEqual([]);
    expect(units.filter((unit) => (unit.kind === 'community' || unit.kind === 'village') && !/(书记|主任|网格长)$/.test(unit.contact))).toEqual([]);
    expect(units.filter((unit) => unit.kind === 'enterprise' && /书记$/.test(unit.contact))).toEqual([]);
  });

  it('gives every unit a street of its own district (or zone) and an address in it', async () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    expect((await cli('demo', '--units', '300', '--db', db)).code).toBe(0);
    const units = query<{ name: string; kind: string; code: string; district: string; street: string | null; address: string | null }>(
      db,
      'SELECT u.name, u.kind, u.district_code AS code, d.name AS district, s.name AS street, u.address FROM units u JOIN districts d ON d.code = u.district_code LEFT JOIN streets s ON s.id = u.street_id',
    );
    expect(units.filter((unit) => unit.street === null || unit.address === null)).toEqual([]);
    expect(units.filter((unit) => !(wuhanStreets[unit.code] ?? []).includes(unit.street as string))).toEqual([]);
    expect(units.filter((unit) => !(unit.address as string).startsWith(`${unit.district}${unit.street}`))).toEqual([]);
    // 关东街道 is the 东湖高新区's, 沌口街道 the 经开区's: never their statistical parent's.
    expect(units.filter((unit) => unit.street === '关东街道' && unit.code !== '4201DH')).toEqual([]);
    expect(units.filter((unit) => unit.street === '沌口街道' && unit.code !== '4201JK')).toEqual([]);
    expect(wuhanStreets['420106']).toContain('水果湖街道');
    const community = units.find((unit) => unit.kind === 'community');
    expect(community?.address).toBe(`${community?.district}${community?.street}${community?.name}党群服务中心`);
  });

  it('issues the current plaques when DINGXING_KEY_PASSPHRASE unlocks keys made before, and says why it skips them and what to do when not', async () => {
    const saved = process.env.DINGXING_KEY_PASSPHRASE;
    try {
      process.env.DINGXING_KEY_PASSPHRASE = 'demo-passphrase-1';
      const keyless = path.join(tempDir(), 'demo.sqlite');
      const noKeys = await cli('demo', '--units', '40', '--db', keyless, '--json');
      expect(noKeys.code).toBe(0);
      expect(noKeys.json()).toMatchObject({ units: 40, certificates: 0, certificatesSkipped: { reason: 'no-keys', message: expect.stringContaining('dingxing identity create') } });
      expect(query(keyless, 'SELECT count(*) AS n FROM workstation_keys')).toEqual([{ n: 0 }]);

      const locked = path.join(tempDir(), 'demo.sqlite');
      expect((await cli('identity', 'create', '--db', locked)).code).toBe(0);
      delete process.env.DINGXING_KEY_PASSPHRASE;
      const skipped = await cli('demo', '--units', '40', '--db', locked, '--json');
      expect(skipped.code).toBe(0);
      expect(skipped.json()).toMatchObject({ units: 40, certificates: 0, certificatesSkipped: { reason: 'keys-locked', message: expect.stringContaining('DINGXING_KEY_PASSPHRASE') } });
      expect(query(locked, 'SELECT count(*) AS n FROM certificates')).toEqual([{ n: 0 }]);
      expect((await cli('demo', '--units', '40', '--db', path.join(tempDir(), 'demo.sqlite'))).stdout).toContain('未签发证书');

      process.env.DINGXING_KEY_PASSPHRASE = 'demo-passphrase-1';
      const db = path.join(tempDir(), 'demo.sqlite');
      expect((await cli('identity', 'create', '--db', db)).code).toBe(0);
      const run = await cli('demo', '--units', '40', '--db', db, '--json');
      expect(run.code).toBe(0);
      const issued = run.json<{ certificates: number }>().certificates;
      const eligible = query<{ n: number }>(db, "SELECT count(*) AS n FROM assessments WHERE status = 'signed' AND awarded_stars >= 1 AND cycle = 2026")[0]?.n;
      expect(issued).toBeGreaterThan(0);
      expect(issued).toBe(eligible);
      const [certificate] = query<{ qr_payload: string; stars: number }>(db, 'SELECT qr_payload, stars FROM certificates LIMIT 1');
      const verified = await cli('verify', '--qr', certificate?.qr_payload as string, '--db', db, '--json');
      expect(verified.code).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.DINGXING_KEY_PASSPHRASE;
      else process.env.DINGXING_KEY_PASSPHRASE = saved;
    }
  });

  it('fills every district and kind with valid units, three cycles of assessments, a veto and overdue rectifications', async () => {
    const db = path.join(tempDir(), 'demo.sqlite');
    const run = await cli('demo', '--units', '300', '--db', db, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = run.json<{ units: number; assessments: number; rectifications: number }>();
    expect(result.units).toBe(300);
    expect(result.assessments).toBeGreaterThan(500);
    expect(query(db, 'SELECT count(DISTINCT district_code) AS n FROM units')).toEqual([{ n: 15 }]);
    expect(query<{ kind: string }>(db, 'SELECT DISTINCT kind FROM units ORDER BY kind').map((row) => row.kind)).toEqual(['community', 'enterprise', 'institution', 'village']);
    for (const row of query<{ uscc: string }>(db, 'SELECT uscc FROM units')) expect(validateUscc(row.uscc).ok).toBe(true);
    expect(query(db, "SELECT count(*) AS n FROM units WHERE kind IN ('community', 'village') AND households IS NULL")).toEqual([{ n: 0 }]);
    expect(query<{ cycle: number }>(db, 'SELECT DISTINCT cycle FROM assessments ORDER BY cycle').map((row) => row.cycle)).toEqual([2024, 2025, 2026]);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM assessments WHERE vetoed = 1')[0]?.n).toBeGreaterThan(0);
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM assessments WHERE status = 'draft'")[0]?.n).toBeGreaterThan(0);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM unit_star_history WHERE stars > previous_stars')[0]?.n).toBeGreaterThan(0);
    expect(query<{ n: number }>(db, 'SELECT count(*) AS n FROM unit_star_history WHERE stars < previous_stars')[0]?.n).toBeGreaterThan(0);
    expect(query<{ n: number }>(db, "SELECT count(*) AS n FROM rectifications WHERE status = 'open' AND due_on < date('now')")[0]?.n).toBeGreaterThan(0);
    expect(query<{ n: number }>(db, 'SELECT count(DISTINCT current_stars) AS n FROM units')[0]?.n).toBeGreaterThanOrEqual(4);
    // Units' current stars agree with their history.
    expect(
      query(db, `SELECT count(*) AS n FROM units u WHERE u.current_stars <> coalesce((SELECT h.stars FROM unit_star_history h WHERE h.unit_id = u.id ORDER BY h.cycle DESC, h.assessed_on DESC, h.created_at DESC LIMIT 1), 0)`),
    ).toEqual([{ n: 0 }]);
    // Twice is refused, nothing changes.
    const again = await cli('demo', '--db', db);
    expect(again.code).toBe(1);
  });

  it('makes the same data for the same seed', async () => {
    const dir = tempDir();
    const first = path.join(dir, 'a.sqlite');
    const second = path.join(dir, 'b.sqlite');
    await cli('demo', '--units', '40', '--seed', '7', '--db', first);
    await cli('demo', '--units', '40', '--seed', '7', '--db', second);
    const shape = (db: string) => query(db, 'SELECT name, kind, district_code, uscc, current_stars FROM units ORDER BY uscc');
    expect(shape(first)).toEqual(shape(second));
  });
});
