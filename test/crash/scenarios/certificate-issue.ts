/**
 * `dingxing certificate issue` for a final assessment without a certificate, killed: afterwards the
 * numbers have no gaps (checked after every kill), an acknowledged certificate is in the database
 * and its PDF is whole, and a killed run leaves no partial PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, runAndKill } from '../processes';
import { pdfProblems, withDb } from '../checks';
import type { Scenario } from '../scenario';
import { assessmentDocument, keyEnv } from '../world';
import type { World } from '../world';

/** A final assessment without a certificate: imports a few more when none is left. */
async function issuable(world: World): Promise<string> {
  const find = () =>
    withDb(world.dbFile, (db) => db.prepare("SELECT a.id FROM assessments a WHERE a.status = 'final' AND a.awarded_stars >= 1 AND NOT EXISTS (SELECT 1 FROM certificates c WHERE c.assessment_id = a.id) LIMIT 1").pluck().get() as string | undefined);
  let id = find();
  if (id) return id;
  const tag = world.tag('crash-cert');
  const file = world.file(`${tag}.json`, JSON.stringify(Array.from({ length: 10 }, (_, index) => assessmentDocument(`${tag}-${index}`, index % 2 === 0 ? '420103' : '420105'))));
  const ran = await run(['assessments', 'import', file, '--db', world.dbFile]);
  if (ran.code !== 0) throw new Error(`crash set-up: assessments import → ${ran.code}: ${ran.stderr}`);
  id = find();
  if (!id) throw new Error('crash set-up: no final assessment to certify');
  return id;
}

export const certificateIssue: Scenario = {
  name: 'certificate issue',
  firstWindowMs: 2500,
  async attempt(world, afterMs) {
    const assessmentId = await issuable(world);
    const out = path.join(world.dir, `${world.tag('plaque')}.pdf`);
    const ran = await runAndKill(['certificate', 'issue', assessmentId, '--out', out, '--db', world.dbFile, '--json'], afterMs, keyEnv);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`certificate issue failed (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    const stored = withDb(world.dbFile, (db) => db.prepare('SELECT count(*) FROM certificates WHERE assessment_id = ?').pluck().get(assessmentId) as number);
    if (ran.code === 0 && stored !== 1) problems.push(`certificate of ${assessmentId} acknowledged but not stored`);
    problems.push(...pdfProblems(out, fs.existsSync(out) ? fs.readFileSync(out) : null, ran.code === 0));
    fs.rmSync(out, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems };
  },
};

export const certificatePrint: Scenario = {
  name: 'certificate batch print',
  firstWindowMs: 4000,
  async attempt(world, afterMs) {
    const out = path.join(world.dir, `${world.tag('batch')}.pdf`);
    const ran = await runAndKill(['certificate', 'print', '--cycle', '2026', '--district', '420103', '--out', out, '--db', world.dbFile, '--json'], afterMs, keyEnv);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0 && !/没有|no /i.test(ran.stderr)) problems.push(`certificate print failed (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    problems.push(...pdfProblems(out, fs.existsSync(out) ? fs.readFileSync(out) : null, ran.code === 0));
    fs.rmSync(out, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems };
  },
};
