/** `dingxing units import` of 400 rows, killed: afterwards all 400 or none. */
import fs from 'node:fs';
import { runAndKill } from '../processes';
import { withDb } from '../checks';
import type { Scenario } from '../scenario';

const rows = 400;

export const unitsImport: Scenario = {
  name: 'units import',
  firstWindowMs: 1500,
  async attempt(world, afterMs) {
    const tag = world.tag('crash-units');
    const file = world.file(`${tag}.csv`, ['name,kind,industry,district', ...Array.from({ length: rows }, (_, row) => `${tag}-${row},企业,,江岸区`)].join('\n'));
    const ran = await runAndKill(['units', 'import', file, '--db', world.dbFile, '--json'], afterMs);
    fs.rmSync(file, { force: true });
    const count = withDb(world.dbFile, (db) => db.prepare('SELECT count(*) FROM units WHERE name LIKE ?').pluck().get(`${tag}-%`) as number);
    const problems: string[] = [];
    if (!ran.killed && ran.code !== 0) problems.push(`units import refused a good file (exit ${ran.code}): ${ran.stderr.slice(0, 200)}`);
    if (ran.code === 0 && count !== rows) problems.push(`units import acknowledged ${rows} rows, ${count} are there`);
    if (count !== 0 && count !== rows) problems.push(`units import left ${count} of ${rows} rows (not all or nothing)`);
    return { killed: ran.killed, ms: ran.ms, problems };
  },
};
