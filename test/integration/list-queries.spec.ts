// The busy lists read only the columns they show, in the order of an index (migration 0014), and
// still return exactly what the whole-row queries they replaced returned (kept here as reference).
import type { Database } from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentSummary } from '@shared/api/procedures/assessments';
import type { Core } from '../../electron/main/host/core';
import { generateDemo } from '../../electron/main/demo/generate-demo';
import { homeSummary } from '../../electron/main/assessments/home-summary';
import { listForUnit, listOpen, listRecent, searchAssessments } from '../../electron/main/assessments/repository';
import type { AssessmentSearch } from '../../electron/main/assessments/repository';
import { migrations } from '../../electron/main/db/migrations/index';
import { openDatabase } from '../../electron/main/db/open-database';
import { anyone } from '../helpers/actors';
import { testCore } from '../helpers/core';
import { tempDbFile } from '../helpers/temp';
import { contextOf } from '../helpers/context';

/** The summary query before migration 0014: every column of the row, answers parsed in JS. */
const oldSelect = `
  SELECT a.*, u.name AS unit_name, d.name AS district_name,
         (SELECT c.id FROM assessments c WHERE c.supersedes_id = a.id AND c.status IN ('signed', 'final') LIMIT 1) AS superseded_by
    FROM assessments a
    JOIN units u ON u.id = a.unit_id
    JOIN districts d ON d.code = u.district_code`;

type OldRow = Record<string, unknown> & { answers: string };

function oldSummary(row: OldRow): AssessmentSummary {
  return {
    id: row.id as string,
    unitId: row.unit_id as string,
    unitName: row.unit_name as string,
    districtName: row.district_name as string,
    cycle: row.cycle as number,
    assessedOn: row.assessed_on as string,
    status: row.status as AssessmentSummary['status'],
    total: row.total as number | null,
    awardedStars: row.awarded_stars as number | null,
    vetoed: row.vetoed === null ? null : row.vetoed === 1,
    inspector: row.inspector as string | null,
    signedBy: row.signed_by as string | null,
    supersedesId: row.supersedes_id as string | null,
    supersededById: row.superseded_by as string | null,
    followsUpId: row.follows_up_id as string | null,
    answeredCount: Object.keys(JSON.parse(row.answers) as object).length,
    updatedAt: row.updated_at as string,
    // The demo plans nothing, so no assessment is outside a plan.
    outsidePlan: false,
  };
}

function old(db: Database, sql: string, ...params: unknown[]): AssessmentSummary[] {
  return (db.prepare(`${oldSelect} ${sql}`).all(...params) as OldRow[]).map(oldSummary);
}

/** The old open list had no tie-breaker; the new one breaks ties by id, newest id first. */
function byUpdatedThenId(rows: AssessmentSummary[]): AssessmentSummary[] {
  return [...rows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
}

function oldSearch(db: Database, search: AssessmentSearch): { rows: AssessmentSummary[]; total: number } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (search.statuses && search.statuses.length > 0) {
    where.push(`a.status IN (${search.statuses.map(() => '?').join(', ')})`);
    params.push(...search.statuses);
  }
  if (search.districtCode !== undefined) {
    where.push('u.district_code = ?');
    params.push(search.districtCode);
  }
  if (search.cycle !== undefined) {
    where.push('a.cycle = ?');
    params.push(search.cycle);
  }
  if (search.inspector !== undefined) {
    where.push('a.inspector = ?');
    params.push(search.inspector);
  }
  if (search.text !== undefined && search.text.trim() !== '') {
    where.push("u.name LIKE ? ESCAPE '\\'");
    params.push(`%${search.text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`);
  }
  const filter = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM assessments a JOIN units u ON u.id = a.unit_id${filter}`).pluck().get(...params) as number;
  return { rows: old(db, `${filter} ORDER BY a.updated_at DESC, a.id DESC LIMIT ? OFFSET ?`, ...params, search.limit, search.offset), total };
}

function plan(db: Database, sql: string): string {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
}

describe('the list queries of a busy workstation', () => {
  let core: Core;
  let db: Database;

  beforeAll(async () => {
    core = await testCore();
    db = core.services.db;
    generateDemo(contextOf(core), { units: 120, seed: 7 });
    const call = async <T>(name: string, input: unknown): Promise<T> => {
      const result = await core.dispatcher.dispatch(name, input, anyone);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as T;
    };
    // A signed correction, so one signed assessment is superseded by another.
    const signed = db.prepare("SELECT id FROM assessments WHERE status IN ('signed', 'final') ORDER BY id LIMIT 1").pluck().get() as string;
    const correction = await call<{ id: string }>('assessments.supersede', { id: signed, reason: '更正 / correction' });
    await call('assessments.submit', { id: correction.id });
    await call('assessments.sign', { id: correction.id });
    // Next cycle's work in progress: thirty drafts, some half answered, five submitted.
    const units = db.prepare("SELECT unit_id, max(answers) AS answers FROM assessments WHERE status IN ('signed', 'final') AND cycle = 2026 GROUP BY unit_id ORDER BY unit_id LIMIT 30").all() as { unit_id: string; answers: string }[];
    for (const [index, unit] of units.entries()) {
      const complete = JSON.parse(unit.answers) as Record<string, unknown>;
      const draft = await call<{ id: string }>('assessments.start', { unitId: unit.unit_id, cycle: 2027, assessedOn: '2027-03-01' });
      if (index % 3 === 0) await call('assessments.saveDraft', { id: draft.id, answers: Object.fromEntries(Object.entries(complete).slice(0, index)) });
      if (index % 6 === 0) await call('assessments.submit', { id: draft.id, answers: complete });
    }
  });

  it('has drafts, submitted, signed and final assessments, answered and not, to compare on', () => {
    const count = (where: string) => db.prepare(`SELECT count(*) FROM assessments WHERE ${where}`).pluck().get() as number;
    expect(count("status = 'draft'")).toBeGreaterThan(0);
    expect(count("status = 'submitted'")).toBeGreaterThan(0);
    expect(count("status IN ('signed', 'final')")).toBeGreaterThan(100);
    expect(db.prepare("SELECT count(*) FROM assessments WHERE answers <> '{}' AND status = 'draft'").pluck().get()).toBeGreaterThan(0);
  });

  it('lists the open assessments as the whole-row query did', () => {
    const before = byUpdatedThenId(old(db, "WHERE a.status IN ('draft', 'submitted') ORDER BY a.updated_at DESC"));
    expect(before.length).toBeGreaterThan(20);
    expect(listOpen(db)).toEqual(before);
    expect(listOpen(db, 20)).toEqual(before.slice(0, 20));
  });

  it('lists the recently signed as the whole-row query did, with and without a cycle', () => {
    expect(listRecent(db, 50)).toEqual(old(db, "WHERE a.status IN ('signed', 'final') ORDER BY a.signed_at DESC, a.id DESC LIMIT 50"));
    expect(listRecent(db, 30, 2025)).toEqual(old(db, "WHERE a.status IN ('signed', 'final') AND a.cycle = 2025 ORDER BY a.signed_at DESC, a.id DESC LIMIT 30"));
    expect(listRecent(db, 30, 2025).length).toBe(30);
    expect(listRecent(db, 50).some((row) => row.supersededById !== null || row.supersedesId !== null)).toBe(true);
  });

  it("lists a unit's history as the whole-row query did", () => {
    const units = db.prepare('SELECT DISTINCT unit_id FROM assessments LIMIT 10').pluck().all() as string[];
    for (const unitId of units) expect(listForUnit(db, unitId)).toEqual(old(db, 'WHERE a.unit_id = ? ORDER BY a.cycle DESC, a.assessed_on DESC, a.created_at DESC', unitId));
  });

  it('searches the 评定 list as before: every tab, filter and page, with the same counts', () => {
    const district = db.prepare('SELECT district_code FROM units LIMIT 1').pluck().get() as string;
    const inspector = db.prepare('SELECT inspector FROM assessments WHERE inspector IS NOT NULL LIMIT 1').pluck().get() as string;
    const searches: AssessmentSearch[] = [
      { limit: 20, offset: 0 },
      { limit: 20, offset: 200 },
      { limit: 1, offset: 0 },
      { statuses: ['draft'], limit: 20, offset: 0 },
      { statuses: ['submitted'], limit: 1, offset: 0 },
      { statuses: ['signed', 'final'], limit: 20, offset: 40 },
      { districtCode: district, limit: 20, offset: 0 },
      { cycle: 2025, inspector, limit: 20, offset: 20 },
      { text: '公司', statuses: ['final'], limit: 20, offset: 0 },
      { districtCode: district, cycle: 2026, text: '社区', limit: 5, offset: 5 },
    ];
    for (const search of searches) {
      const now = searchAssessments(db, search);
      expect(now, JSON.stringify(search)).toEqual(oldSearch(db, search));
    }
    expect(searchAssessments(db, { limit: 1, offset: 0 }).total).toBe(db.prepare('SELECT count(*) FROM assessments').pluck().get());
  });

  it("shows the same home page drafts and awaiting-signature count", () => {
    const summary = homeSummary(contextOf(core));
    const open = byUpdatedThenId(old(db, "WHERE a.status IN ('draft', 'submitted') ORDER BY a.updated_at DESC"));
    expect(summary.drafts).toEqual(open.slice(0, 20));
    expect(summary.awaitingSignature).toBe(open.filter((row) => row.status === 'submitted').length);
    expect(summary.awaitingSignature).toBeGreaterThan(0);
  });
});

describe('migration 0014 indexes in list order', () => {
  it('reads the lists in index order, without sorting every row', async () => {
    const { db } = await openDatabase(tempDbFile());
    const recent = plan(db, "SELECT a.id FROM assessments a INDEXED BY assessments_signed_order WHERE a.status IN ('signed', 'final') ORDER BY a.signed_at DESC, a.id DESC LIMIT 50");
    const open = plan(db, "SELECT a.id FROM assessments a INDEXED BY assessments_open_order WHERE a.status IN ('draft', 'submitted') ORDER BY a.updated_at DESC, a.id DESC LIMIT 20");
    const all = plan(db, 'SELECT a.id FROM assessments a ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 4000');
    const tab = plan(db, "SELECT a.id FROM assessments a WHERE a.status IN ('draft') ORDER BY a.updated_at DESC, a.id DESC LIMIT 20");
    const certificates = plan(db, 'SELECT c.id FROM certificates c ORDER BY c.cycle DESC, c.district_code, c.sequence LIMIT 1000');
    for (const each of [recent, open, all, tab, certificates]) expect(each).not.toContain('TEMP B-TREE');
    expect(all).toContain('assessments_updated');
    expect(certificates).toContain('certificates_order');
    // The filters' choices (评定 inspectors, 审计日志 users and actions) come from an index, not a scan of every row.
    expect(plan(db, 'SELECT DISTINCT inspector FROM assessments WHERE inspector IS NOT NULL ORDER BY inspector')).toContain('COVERING INDEX assessments_inspector');
    expect(plan(db, 'SELECT DISTINCT actor FROM audit_log')).toContain('COVERING INDEX audit_log_actor');
    expect(plan(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action')).toContain('COVERING INDEX audit_log_action');
    db.close();
  });

  it('sorted every row before', async () => {
    // The schema as it was just before 0014 (later migrations are numbered after it).
    const { db } = await openDatabase(tempDbFile(), { migrations: migrations.slice(0, migrations.findIndex((migration) => migration.name === 'indexes in list order')) });
    expect(plan(db, 'SELECT a.id FROM assessments a ORDER BY a.updated_at DESC, a.id DESC LIMIT 20 OFFSET 4000')).toContain('TEMP B-TREE');
    expect(plan(db, 'SELECT c.id FROM certificates c ORDER BY c.cycle DESC, c.district_code, c.sequence LIMIT 1000')).toContain('TEMP B-TREE');
    expect(plan(db, 'SELECT DISTINCT action FROM audit_log ORDER BY action')).toContain('SCAN audit_log');
    db.close();
  });
});
