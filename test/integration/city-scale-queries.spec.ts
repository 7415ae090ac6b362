// The lists and counts rewritten for a city office's 100,000 units answer exactly what the
// straightforward queries they replaced answered (kept here as reference), on the demo data,
// and read the filtered unit lists in index order instead of sorting every match.
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { UnitListInputSchema } from '@shared/api/procedures/units';
import type { Certificate, CertificatePage } from '@shared/api/procedures/certificates';
import type { Core } from '../../electron/main/host/core';
import { homeSummary } from '../../electron/main/assessments/home-summary';
import { listDue } from '../../electron/main/assessments/rectifications';
import { listUnits, unitFilter } from '../../electron/main/units/unit-queries';
import { unitExportRows } from '../../electron/main/exports/units-export';
import { districtDashboard } from '../../electron/main/ding/district-dashboard';
import { nodePlatform } from '../../electron/main/platform/platform';
import { makeKeys } from '../helpers/keys';
import { PassphraseKeyStore } from '../../electron/main/crypto/passphrase-key-store';
import { issueDemoCertificates } from '../../electron/main/demo/demo-certificates';
import { contextOf, recordedAs } from '../helpers/context';
import { certificatePageSql } from '../../electron/main/certificates/repository';
import { anyone } from '../helpers/actors';
import { testCore } from '../helpers/core';

/** The unit list's order before it was read in segments: one ORDER BY over every match. */
function referenceIds(db: Database, input: Record<string, unknown>): string[] {
  const parsed = UnitListInputSchema.parse(input);
  const { where, params } = unitFilter(parsed);
  const direction = parsed.order === 'desc' ? 'DESC' : 'ASC';
  const order =
    parsed.sort === 'district'
      ? `ORDER BY d.sort ${direction}, u.name ${direction}, u.id ${direction}`
      : `ORDER BY u.last_assessed_on IS NULL, u.last_assessed_on ${direction}, u.name ${direction}, u.id ${direction}`;
  return db.prepare(`SELECT u.id FROM units u JOIN districts d ON d.code = u.district_code ${where} ${order}`).pluck().all(...params) as string[];
}

function pagedIds(db: Database, input: Record<string, unknown>, limit: number): { ids: string[]; totals: Set<number> } {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let offset = 0; ; offset += limit) {
    const page = listUnits(db, UnitListInputSchema.parse({ ...input, offset, limit }));
    totals.add(page.total);
    ids.push(...page.items.map((unit) => unit.id));
    if (page.items.length < limit) return { ids, totals };
  }
}

describe('queries at city scale, on the demo data', () => {
  let core: Core;
  let db: Database;
  beforeAll(async () => {
    core = await testCore({ platform: nodePlatform({ keyStore: new PassphraseKeyStore('city scale passphrase') }) });
    await makeKeys(core, 'city scale passphrase');
    db = core.services.db;
    const loaded = await core.dispatcher.dispatch('demo.load', { units: 300 }, anyone);
    expect(loaded.ok).toBe(true);
    await issueDemoCertificates(contextOf(core, recordedAs('test:城市')), core.services.platform.keyStore);
  }, 120_000);

  it('pages the units sorted by district or by last assessment as one ORDER BY did, each way, with filters', () => {
    for (const sort of ['district', 'lastAssessedOn']) {
      for (const order of ['asc', 'desc']) {
        for (const filter of [{}, { kind: 'community' }, { stars: 0 }, { district: '420111' }, { industry: 'none', stars: 2 }]) {
          const input = { sort, order, ...filter };
          const expected = referenceIds(db, input);
          const paged = pagedIds(db, input, 7);
          expect(paged.ids, JSON.stringify(input)).toEqual(expected);
          expect([...paged.totals], JSON.stringify(input)).toEqual([expected.length]);
        }
      }
    }
    // Undated units exist, so the order across the two segments is tested.
    expect(db.prepare('SELECT count(*) FROM units WHERE last_assessed_on IS NULL').pluck().get()).toBeGreaterThan(0);
  });

  it('reads every filter of the 单位 screen, sorted by name, from an index without sorting the matches', () => {
    for (const filter of [{ district: '420111' }, { kind: 'community' }, { industry: 'finance' }, { industry: 'none' }, { stars: 3 }, { kind: 'community', stars: 0 }]) {
      const { where, params } = unitFilter(UnitListInputSchema.parse(filter));
      const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT u.rowid FROM units u ${where} ORDER BY u.name_sort ASC, u.id ASC LIMIT 50`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
      expect(plan, JSON.stringify(filter)).not.toMatch(/TEMP B-TREE/);
    }
  });

  it('gives the home page the numbers the whole-table queries gave', () => {
    const deps = contextOf(core, undefined, () => new Date('2026-11-25T10:00:00'));
    const summary = homeSummary(deps);
    const byStars = [0, 1, 2, 3, 4, 5].map((stars) => ({ stars, units: db.prepare('SELECT count(*) FROM units WHERE in_scope = 1 AND current_stars = ?').pluck().get(stars) }));
    const byDistrict = db
      .prepare(
        `SELECT d.code, d.name, count(u.id) AS units, coalesce(sum(u.current_stars >= 1), 0) AS starred
           FROM districts d LEFT JOIN units u ON u.district_code = d.code AND u.in_scope = 1
          GROUP BY d.code ORDER BY d.sort`,
      )
      .all();
    const due = listDue(deps, '2026-11-25', 14);
    expect(summary.units).toBe(db.prepare('SELECT count(*) FROM units').pluck().get());
    expect(summary.inScopeUnits).toBe(db.prepare('SELECT count(*) FROM units WHERE in_scope = 1').pluck().get());
    expect(summary.byStars).toEqual(byStars);
    expect(summary.byDistrict).toEqual(byDistrict);
    expect(summary.rectificationsOverdue).toBe(due.overdue.length);
    expect(summary.rectificationsOverdue).toBeGreaterThan(0);
    expect(summary.rectificationsDue.map((entry) => entry.dueOn)).toEqual([...due.overdue, ...due.due].slice(0, 20).map((entry) => entry.dueOn));
    expect(summary.rectificationsDue).toHaveLength(Math.min(20, due.overdue.length + due.due.length));
  });

  it('pages the certificates as the whole list, in print order, with the total of each filter', async () => {
    const everything = await core.dispatcher.dispatch('certificates.list', { limit: 5000 }, anyone);
    if (!everything.ok) throw new Error(everything.error.message);
    const all = everything.value as Certificate[];
    expect(all.length).toBeGreaterThan(40);
    const pages: Certificate[] = [];
    for (let offset = 0; offset < all.length + 20; offset += 20) {
      const page = await core.dispatcher.dispatch('certificates.page', { offset, limit: 20 }, anyone);
      if (!page.ok) throw new Error(page.error.message);
      const value = page.value as CertificatePage;
      expect(value.total).toBe(all.length);
      pages.push(...value.items);
    }
    expect(pages.map((certificate) => certificate.id)).toEqual(all.map((certificate) => certificate.id));
    const district = all[0]?.districtCode as string;
    const filtered = await core.dispatcher.dispatch('certificates.page', { district, search: '公司', limit: 200 }, anyone);
    const expected = all.filter((certificate) => certificate.districtCode === district && `${certificate.unitName}${certificate.number}${certificate.uscc ?? ''}`.includes('公司'));
    expect(filtered).toMatchObject({ ok: true, value: { total: expected.length, offset: 0 } });
    expect((filtered as { value: CertificatePage }).value.items.map((certificate) => certificate.id)).toEqual(expected.map((certificate) => certificate.id));
  });

  it('finds a page of revoked certificates from the revocations, never walking every certificate', async () => {
    const none = await core.dispatcher.dispatch('certificates.page', { status: 'revoked' }, anyone);
    expect(none).toMatchObject({ ok: true, value: { total: 0, items: [] } });
    const listed = await core.dispatcher.dispatch('certificates.page', { limit: 3 }, anyone);
    const [first, , third] = (listed as { value: CertificatePage }).value.items;
    for (const certificate of [third, first]) expect(await core.dispatcher.dispatch('certificates.revoke', { id: certificate?.id, reason: '单位搬迁，牌匾收回' }, anyone)).toMatchObject({ ok: true });
    const revoked = await core.dispatcher.dispatch('certificates.page', { status: 'revoked' }, anyone);
    expect((revoked as { value: CertificatePage }).value).toMatchObject({ total: 2, items: [{ id: first?.id, status: 'revoked' }, { id: third?.id, status: 'revoked' }] });
    const { ids, params } = certificatePageSql({ status: 'revoked' }, '2026-11-20');
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${ids}`).all({ ...params, limit: 50, offset: 0 }) as { detail: string }[]).map((row) => row.detail).join(' | ');
    expect(plan).not.toMatch(/SCAN c\b/);
  });

  it('exports each unit with the total and cycle of its latest signed assessment in force, as the row join did', () => {
    const reference = db
      .prepare(
        `SELECT u.name, a.total AS lastTotal, a.cycle AS lastCycle
           FROM units u
           JOIN districts d ON d.code = u.district_code
           LEFT JOIN assessments a ON a.id = (
             SELECT x.id FROM assessments x WHERE x.unit_id = u.id AND x.status IN ('signed', 'final')
                AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
              ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1)
          ORDER BY d.sort, u.name, u.id`,
      )
      .all();
    const rows = [...unitExportRows(db, {})].map((row) => ({ name: row.name, lastTotal: row.lastTotal, lastCycle: row.lastCycle }));
    expect(rows).toEqual(reference);
    expect(rows.filter((row) => row.lastTotal !== null).length).toBeGreaterThan(100);
  });

  it('finds the units nearest their next star as the row join did', () => {
    const levels = [{ stars: 1, min: 60 }, { stars: 2, min: 70 }, { stars: 3, min: 80 }, { stars: 4, min: 90 }, { stars: 5, min: 95 }];
    for (const district of ['420102', '420111', '4201DH']) {
      const latest = db
        .prepare(
          `SELECT u.id AS unitId, u.name, u.kind, u.current_stars AS stars, a.total
             FROM units u
             JOIN assessments a ON a.id = (
               SELECT x.id FROM assessments x WHERE x.unit_id = u.id AND x.status IN ('signed', 'final')
                  AND NOT EXISTS (SELECT 1 FROM assessments c WHERE c.supersedes_id = x.id AND c.status IN ('signed', 'final'))
                ORDER BY x.cycle DESC, x.assessed_on DESC, x.signed_at DESC LIMIT 1)
            WHERE u.district_code = ? AND u.in_scope = 1 AND u.current_stars < 5 AND a.total IS NOT NULL`,
        )
        .all(district) as { unitId: string; name: string; stars: number; total: number }[];
      const dashboard = districtDashboard(db, district, 2026, '2026-11-25');
      const expected = latest
        .map((unit) => ({ ...unit, gap: Math.max(0, Math.round(((levels.find((level) => level.stars === unit.stars + 1)?.min ?? 0) - unit.total) * 100) / 100) }))
        .sort((a, b) => a.gap - b.gap || a.name.localeCompare(b.name, 'zh'))
        .slice(0, 10);
      expect(dashboard.nearestNextStar.map((unit) => [unit.unitId, unit.total, unit.gap])).toEqual(expected.map((unit) => [unit.unitId, unit.total, unit.gap]));
      const open = db.prepare("SELECT count(*) AS open, coalesce(sum(r.due_on < '2026-11-25'), 0) AS overdue FROM rectifications r JOIN units u ON u.id = r.unit_id WHERE u.district_code = ? AND r.status = 'open'").get(district);
      expect(dashboard.rectifications).toEqual(open);
    }
  });

  it('refuses a page larger than 200 or a negative offset, naming the field', async () => {
    expect(await core.dispatcher.dispatch('certificates.page', { limit: 1000 }, anyone)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['limit'] }] } } });
    expect(await core.dispatcher.dispatch('certificates.page', { offset: -1 }, anyone)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', details: { issues: [{ path: ['offset'] }] } } });
  });
});
