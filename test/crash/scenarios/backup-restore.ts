/**
 * `dingxing backup` then `dingxing restore` of that backup, each killed: a backup file left behind
 * is whole or absent, and after a killed restore the database holds exactly what it held before
 * (nothing was written in between, so old and restored content are the same; restore adds its own audit entry).
 */
import fs from 'node:fs';
import path from 'node:path';
import { runAndKill, run } from '../processes';
import { integrityProblems, withDb } from '../checks';
import type { Scenario } from '../scenario';
import type { World } from '../world';

function fingerprint(world: World): string {
  return withDb(world.dbFile, (db) =>
    ['units', 'assessments', 'certificates', 'certificate_revocations'].map((table) => `${table}:${db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number}`).join(' '),
  );
}

export const backupAndRestore: Scenario = {
  name: 'backup and restore',
  firstWindowMs: 2000,
  async attempt(world, afterMs) {
    const problems: string[] = [];
    const copy = path.join(world.dir, `${world.tag('backup')}.sqlite`);
    const before = fingerprint(world);
    const backup = await runAndKill(['backup', '--out', copy, '--db', world.dbFile, '--json'], afterMs);
    if (!backup.killed && backup.code !== 0) problems.push(`backup failed (exit ${backup.code}): ${backup.stderr.slice(0, 200)}`);
    if (fs.existsSync(copy)) {
      const broken = integrityProblems(copy);
      if (broken.length > 0) problems.push(`a killed backup left a damaged file: ${broken.join('; ')}`);
    } else if (backup.code === 0) problems.push('backup acknowledged but its file is missing');
    if (backup.code !== 0) {
      // The restore half needs a whole backup: take one without interruption.
      fs.rmSync(copy, { force: true });
      const again = await run(['backup', '--out', copy, '--db', world.dbFile]);
      if (again.code !== 0) return { killed: backup.killed, ms: backup.ms, problems: [...problems, `backup failed: ${again.stderr.slice(0, 200)}`] };
    }
    const restore = await runAndKill(['restore', copy, '--db', world.dbFile, '--json'], afterMs);
    if (!restore.killed && restore.code !== 0) problems.push(`restore failed (exit ${restore.code}): ${restore.stderr.slice(0, 200)}`);
    const after = fingerprint(world);
    if (after !== before) problems.push(`restore changed what the database holds: before ${before}, after ${after}`);
    fs.rmSync(copy, { force: true });
    return { killed: backup.killed || restore.killed, ms: Math.max(backup.ms, restore.ms), problems };
  },
};
