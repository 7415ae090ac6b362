/**
 * `dingxing certificate issue` for a final assessment without a certificate, killed: afterwards the
 * numbers have no gaps (checked after every kill), an acknowledged certificate is in the database
 * and its PDF is whole, and a killed run leaves no partial PDF under the name (at most a partial
 * temporary file, which the next issue to the same name removes). Every other kill is aimed at the
 * stage that matters rather than at a time (most of the command's life is starting up and drawing):
 * by turns a few milliseconds after the database's write-ahead log grows (the certificate row being
 * written) and after the PDF's temporary file appears (the write).
 *
 * `dingxing summary --district`, killed: aimed the same way at the PDF's write, since drawing the
 * charts takes most of its life; the name holds the whole PDF or none.
 */
import fs from 'node:fs';
import path from 'node:path';
import { run, runAndKill, runAndKillWhen } from '../processes';
import type { Ran } from '../processes';
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

/** Files a write to `out` left beside it under a temporary name. */
function leftovers(out: string): string[] {
  const name = path.basename(out);
  return fs.readdirSync(path.dirname(out)).filter((file) => file.startsWith(`${name}.`) && file.endsWith('.tmp'));
}

/** What the kill left: the file whole under its name, a partial temporary file, or nothing. */
function fileOutcome(out: string): string {
  return fs.existsSync(out) ? 'whole PDF' : leftovers(out).length > 0 ? 'partial temporary file' : 'no file';
}

/** Runs the same command again, unkilled: it must succeed, write the whole PDF and leave no temporary file behind. */
async function completedAgain(args: string[], out: string, what: string): Promise<string[]> {
  const again = await run(args, keyEnv);
  if (again.code !== 0) return [`${what} after the kill failed (exit ${again.code}): ${again.stderr.slice(0, 200)}`];
  const problems = pdfProblems(out, fs.existsSync(out) ? fs.readFileSync(out) : null, true);
  const left = leftovers(out);
  if (left.length > 0) problems.push(`${what} after the kill left ${left.join(', ')} beside the PDF`);
  return problems;
}

let issues = 0;

/** Every other run is killed at a stage: the database's write (the WAL grows) or the PDF's (its temporary file appears). */
function aimedRun(args: string[], out: string, dbFile: string, afterMs: number, turn: number): Promise<Ran> {
  if (turn % 2 === 1) return runAndKill(args, afterMs, keyEnv);
  const wal = `${dbFile}-wal`;
  const walBytes = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  const before = walBytes();
  const moment = turn % 4 === 0 ? () => leftovers(out).length > 0 || fs.existsSync(out) : () => walBytes() > before;
  return runAndKillWhen(args, moment, afterMs % 20, afterMs + 20_000, keyEnv);
}

export const certificateIssue: Scenario = {
  name: 'certificate issue',
  firstWindowMs: 2500,
  async attempt(world, afterMs) {
    const assessmentId = await issuable(world);
    const out = path.join(world.dir, `${world.tag('plaque')}.pdf`);
    const args = ['certificate', 'issue', assessmentId, '--out', out, '--db', world.dbFile, '--json'];
    const ran = await aimedRun(args, out, world.dbFile, afterMs, (issues += 1));
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`certificate issue failed (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    const stored = withDb(world.dbFile, (db) => db.prepare('SELECT count(*) FROM certificates WHERE assessment_id = ?').pluck().get(assessmentId) as number);
    if (ran.code === 0 && stored !== 1) problems.push(`certificate of ${assessmentId} acknowledged but not stored`);
    if (stored > 1) problems.push(`assessment ${assessmentId} has ${stored} certificates`);
    problems.push(...pdfProblems(out, fs.existsSync(out) ? fs.readFileSync(out) : null, ran.code === 0));
    const outcome = `${stored === 1 ? 'certificate stored' : 'nothing stored'}, ${fileOutcome(out)}`;
    // The same issue again completes the work and clears what the kill left.
    problems.push(...(await completedAgain(args, out, 'the same issue')));
    if (withDb(world.dbFile, (db) => db.prepare('SELECT count(*) FROM certificates WHERE assessment_id = ?').pluck().get(assessmentId) as number) !== 1) problems.push(`assessment ${assessmentId} has no single certificate after the re-run`);
    fs.rmSync(out, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems, outcome };
  },
};

const summaries = new Map<string, Promise<void>>();

/** District inputs for the summary, imported once per world. */
function withInputs(world: World): Promise<void> {
  let ready = summaries.get(world.dir);
  if (!ready) {
    ready = run(['ding', 'inputs', 'import', path.resolve('docs/examples/inputs-2026.json'), '--db', world.dbFile]).then((ran) => {
      if (ran.code !== 0) throw new Error(`crash set-up: ding inputs import → ${ran.code}: ${ran.stderr}`);
    });
    summaries.set(world.dir, ready);
  }
  return ready;
}

let summaryRuns = 0;

export const summaryPdf: Scenario = {
  name: 'district summary',
  firstWindowMs: 6000,
  async attempt(world, afterMs) {
    await withInputs(world);
    const out = path.join(world.dir, `${world.tag('summary')}.pdf`);
    const args = ['summary', '--district', '420105', '--cycle', '2026', '--out', out, '--db', world.dbFile, '--json'];
    // Drawing takes seconds, writing milliseconds: every run but every fourth is killed at the write.
    const ran = (summaryRuns += 1) % 4 === 0 ? await runAndKill(args, afterMs, keyEnv) : await runAndKillWhen(args, () => leftovers(out).length > 0 || fs.existsSync(out), afterMs % 8, afterMs + 30_000, keyEnv);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`summary failed (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    problems.push(...pdfProblems(out, fs.existsSync(out) ? fs.readFileSync(out) : null, ran.code === 0));
    const outcome = fileOutcome(out);
    problems.push(...(await completedAgain(args, out, 'the same summary')));
    fs.rmSync(out, { force: true });
    return { killed: ran.killed, ms: ran.ms, problems, outcome };
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
