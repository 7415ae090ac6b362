// The assessment workflow's cost: signing (score with the engine, record, history, unit stars) against raw inserts of
// the same rows, and the live preview an inspector waits for while typing.
import { afterAll, it } from 'vitest';
import type { Answers } from '@shared/api/procedures/assessments';
import { previewAssessment, signAssessment, startAssessment } from '../../electron/main/assessments/workflow';
import { openCore } from '../../electron/main/host/core';
import { newId } from '../../electron/main/platform/ids';
import { tempDbFile } from '../helpers/temp';
import { addUnit, fullAnswers } from '../unit/assessments/fixtures';
import { median, record, withinSeconds, writeFigures } from './harness';
import { actorWith } from '../helpers/actors';
import { contextOf } from '../helpers/context';

afterAll(() => writeFigures('assessments'));

const leader = actorWith('组长', 'leader');

it('signs 10,000 assessments', async () => {
  const core = await openCore({ dbFile: tempDbFile(), jobMode: 'inline' });
  const db = core.services.db;
  const count = 10_000;
  const template = startAssessment(contextOf(core, leader), { unitId: addUnit(core, { name: '模板单位' }), cycle: 2026 });
  const answers: Answers = fullAnswers(template.form, { 'PRE-5': 2, 'STB-1': 96.5 });
  const ids: string[] = [];
  // Submitted assessments made directly: the set-up is not what is measured.
  const insertSubmitted = db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, rubric_sha256, answers, status, inspector, submitted_at, created_at, updated_at)
     VALUES (?, 'ws', ?, 2026, '2026-11-20', ?, ?, ?, 'submitted', '检查员', 't', 't', 't')`,
  );
  db.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const id = newId();
      insertSubmitted.run(id, addUnit(core, { name: `基准单位${index}` }), template.rubricId, template.rubricSha256, JSON.stringify(answers));
      ids.push(id);
    }
  })();

  // Measured inside one transaction, as the baseline is: the figure is the work, not the disk's fsync.
  let start = process.hrtime.bigint();
  db.transaction(() => {
    for (const id of ids) signAssessment(contextOf(core, leader), id);
  })();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;

  const units = db.prepare('SELECT unit_id FROM assessments WHERE id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as string[];
  const insertAssessment = db.prepare(
    `INSERT INTO assessments (id, workstation_id, unit_id, cycle, assessed_on, rubric_id, answers, status, result, total, score_stars, awarded_stars, vetoed, decided_by, signed_by, signed_at, created_at, updated_at)
     VALUES (?, 'ws', ?, 2025, '2025-11-20', 'wuhan-star@2026.1', ?, 'signed', ?, 90, 4, 1, 0, 'stepUp', '组长', 't', 't', 't')`,
  );
  const insertHistory = db.prepare(
    "INSERT INTO unit_star_history (id, unit_id, cycle, stars, previous_stars, assessed_on, assessment_id, vetoed, decided_by, created_at) VALUES (?, ?, 2025, 1, 0, '2025-11-20', ?, 0, 'stepUp', 't')",
  );
  const updateUnit = db.prepare("UPDATE units SET current_stars = 1, last_assessed_on = '2025-11-20', updated_at = 't' WHERE id = ?");
  const resultJson = db.prepare('SELECT result FROM assessments WHERE result IS NOT NULL LIMIT 1').pluck().get() as string;
  const answersJson = JSON.stringify(answers);
  start = process.hrtime.bigint();
  db.transaction(() => {
    for (const unitId of units) {
      const id = newId();
      insertAssessment.run(id, unitId, answersJson, resultJson);
      insertHistory.run(newId(), unitId, id);
      updateUnit.run(unitId);
    }
  })();
  const baselineSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  record({
    name: 'assessments.sign',
    size: '10,000 assessments',
    seconds,
    baselineSeconds,
    baseline: 'raw INSERTs of the same assessment, history and unit rows',
    rate: { value: count / seconds, unit: 'signatures/s' },
    goal: { text: '≥ 1,000 signatures/s', met: count / seconds >= 1000 },
  });

  // Live preview: what the side panel waits for after each keystroke (debounced).
  const draft = template;
  const samples: number[] = [];
  const baselineSamples: number[] = [];
  for (let run = 0; run < 500; run += 1) {
    let at = process.hrtime.bigint();
    previewAssessment(contextOf(core), draft.id, answers);
    samples.push(Number(process.hrtime.bigint() - at) / 1e9);
    at = process.hrtime.bigint();
    db.prepare('SELECT * FROM assessments WHERE id = ?').get(draft.id);
    baselineSamples.push(Number(process.hrtime.bigint() - at) / 1e9);
  }
  const preview = median(samples);
  record({
    name: 'assessments.preview',
    size: '1 preview of a complete form, median of 500',
    seconds: preview,
    baselineSeconds: median(baselineSamples),
    baseline: 'reading the assessment row',
    goal: withinSeconds(preview, 0.005),
  });
  core.close();
});
