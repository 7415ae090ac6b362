// A laptop's season for the bundle benchmark and its profiling driver: `count` final assessments
// with their units and star history, made directly (the set-up is not what is measured).
import type { Core } from '../../electron/main/host/core';
import { startAssessment } from '../../electron/main/assessments/workflow';
import { newId } from '../../electron/main/platform/ids';
import { actorWith } from '../helpers/actors';
import { contextOf } from '../helpers/context';
import { fullAnswers } from '../helpers/full-answers';

export const seasonNow = new Date('2026-12-01T10:00:00Z');

function addTemplateUnit(core: Core): string {
  const id = newId();
  core.services.db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, created_at, updated_at) VALUES (?, 'ws', '模板单位', 'enterprise', '420105', ?, ?)").run(id, seasonNow.toISOString(), seasonNow.toISOString());
  return id;
}

/** Fills the laptop; returns how many answers the assessments hold. */
export function fillSeason(core: Core, count: number): { answers: number } {
  const db = core.services.db;
  const template = startAssessment(contextOf(core, actorWith('组长', 'leader')), { unitId: addTemplateUnit(core), cycle: 2026 });
  const answers = fullAnswers(template.form, { 'PRE-5': 2 });
  const answersJson = JSON.stringify(answers);
  const result = JSON.stringify({ total: 90, trace: Object.keys(answers).map((item) => ({ item, points: 1, why: '满分 full marks' })) });
  const ws = core.services.workstation.id;
  const insertUnit = db.prepare("INSERT INTO units (id, workstation_id, name, kind, district_code, current_stars, last_assessed_on, created_at, updated_at) VALUES (?, ?, ?, 'enterprise', '420105', 4, '2026-11-20', ?, ?)");
  const insertAssessment = db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, rubric_sha256, answers, status, result, total, score_stars, awarded_stars, vetoed, decided_by, inspector, submitted_at, signed_by, signed_at, created_at, updated_at)
     VALUES (?, ?, ?, 2026, '2026-11-20', ?, ?, ?, 'final', ?, 90, 4, 4, 0, 'threshold', '检查员', ?, '组长', ?, ?, ?)`,
  );
  const insertHistory = db.prepare("INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, created_at) VALUES (?, ?, 2026, 4, 3, '2026-11-20', ?, 0, 'threshold', ?)");
  const stamp = seasonNow.toISOString();
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const unitId = newId();
      const assessmentId = newId();
      insertUnit.run(unitId, ws, `基准单位${index}`, stamp, stamp);
      insertAssessment.run(assessmentId, ws, unitId, template.rubricId, template.rubricSha256, answersJson, result, stamp, stamp, stamp, stamp);
      insertHistory.run(newId(), unitId, assessmentId, stamp);
    }
  }).immediate();
  return { answers: Object.keys(answers).length * count };
}

const rawTables = ['units', 'assessments', 'unit_star_history'];

/** The rows the bundle carries of each table, read before any clock starts. */
function rowsOf(source: Core): { table: string; rows: Record<string, unknown>[] }[] {
  const from = source.services.db;
  return rawTables.map((table) => ({ table, rows: from.prepare(`SELECT * FROM ${table} WHERE id IN (SELECT record_id FROM change_log WHERE table_name = ?)`).all(table) as Record<string, unknown>[] }));
}

/** The same rows, straight into a fresh database in one transaction: what the disk and SQLite cost, in seconds (and CPU seconds). */
export function rawInserts(source: Core, target: Core): { seconds: number; cpuSeconds: number } {
  const to = target.services.db;
  const rows = rowsOf(source);
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  to.transaction(() => {
    for (const { table, rows: list } of rows) {
      if (list.length === 0) continue;
      const columns = Object.keys(list[0] as object);
      const insert = to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`);
      for (const row of list) insert.run(row);
    }
  }).immediate();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

/** The same rows with multi-row INSERTs of 500 rows a statement, in one transaction: SQLite's fastest way to take them. */
export function rawBatchedInserts(source: Core, target: Core): { seconds: number } {
  const to = target.services.db;
  const rows = rowsOf(source);
  const start = process.hrtime.bigint();
  to.transaction(() => {
    for (const { table, rows: list } of rows) {
      if (list.length === 0) continue;
      const columns = Object.keys(list[0] as object);
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      for (let from = 0; from < list.length; from += 500) {
        const chunk = list.slice(from, from + 500);
        const values = chunk.flatMap((row) => columns.map((column) => row[column]));
        to.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`).run(values);
      }
    }
  }).immediate();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}
