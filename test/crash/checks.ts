/** What must hold after every kill, whatever was running: a sound file, gap-free certificate numbers, an app that starts. */
import BetterSqlite3 from 'better-sqlite3';
import { run } from './processes';

/** Opens the file as the next program would (WAL recovery included) and runs `fn` on it. */
export function withDb<T>(dbFile: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(dbFile, { timeout: 5000 });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function integrityProblems(dbFile: string): string[] {
  return withDb(dbFile, (db) => {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') problems.push(`integrity_check: ${integrity.map((row) => row.integrity_check).join('; ')}`);
    const foreign = db.pragma('foreign_key_check') as unknown[];
    if (foreign.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreign.slice(0, 3))}`);
    return problems;
  });
}

/** Certificate numbers run 1..n per workstation, cycle and district, with none missing. */
export function certificateGaps(dbFile: string): string[] {
  return withDb(dbFile, (db) => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'certificates'").get();
    if (!exists) return [];
    const groups = db
      .prepare('SELECT workstation_id AS ws, cycle, district_code AS district, count(*) AS n, max(sequence) AS top FROM certificates GROUP BY workstation_id, cycle, district_code')
      .all() as { ws: string; cycle: number; district: string; n: number; top: number }[];
    return groups.filter((group) => group.n !== group.top).map((group) => `certificate numbers of ${group.cycle}/${group.district} have gaps: ${group.n} certificates, highest ${group.top}`);
  });
}

/** The app starts again: the CLI opens the file (migrations, recognition) and the audit chain verifies. */
export async function startProblems(dbFile: string): Promise<string[]> {
  const ran = await run(['audit', 'verify', '--db', dbFile, '--json']);
  return ran.code === 0 ? [] : [`the app does not start cleanly (audit verify → ${ran.code}): ${ran.stderr.slice(0, 300)}`];
}

/** A PDF the command wrote must be whole; a killed command must leave none or a whole one. */
export function pdfProblems(file: string, bytes: Buffer | null, mustExist: boolean): string[] {
  if (bytes === null) return mustExist ? [`${file} was acknowledged but is missing`] : [];
  const head = bytes.subarray(0, 5).toString('latin1');
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  return head === '%PDF-' && tail.includes('%%EOF') ? [] : [`${file} is a partial PDF (${bytes.length} bytes)`];
}
