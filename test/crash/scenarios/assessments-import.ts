/** `dingxing assessments import` of 15 documents (scored, signed, stars updated), killed: afterwards all 15 or none. */
import fs from 'node:fs';
import { runAndKill } from '../processes';
import { withDb } from '../checks';
import type { Scenario } from '../scenario';
import { assessmentDocument } from '../world';

const documents = 15;

export const assessmentsImport: Scenario = {
  name: 'assessments import',
  firstWindowMs: 2000,
  async attempt(world, afterMs) {
    const tag = world.tag('crash-assessments');
    const file = world.file(`${tag}.json`, JSON.stringify(Array.from({ length: documents }, (_, index) => assessmentDocument(`${tag}-${index}`))));
    const ran = await runAndKill(['assessments', 'import', file, '--db', world.dbFile, '--json'], afterMs);
    fs.rmSync(file, { force: true });
    const [units, assessments] = withDb(world.dbFile, (db) => [
      db.prepare('SELECT count(*) FROM units WHERE name LIKE ?').pluck().get(`${tag}-%`) as number,
      db.prepare("SELECT count(*) FROM assessments a JOIN units u ON u.id = a.unit_id WHERE u.name LIKE ? AND a.status = 'final'").pluck().get(`${tag}-%`) as number,
    ]);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`assessments import refused good documents (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    if (ran.code === 0 && assessments !== documents) problems.push(`assessments import acknowledged ${documents}, ${assessments} are there`);
    if (![0, documents].includes(assessments) || units !== assessments) problems.push(`assessments import left ${assessments} assessments and ${units} units of ${documents} (not all or nothing)`);
    return { killed: ran.killed, ms: ran.ms, problems };
  },
};
