/** Checks every table of the database for corruption, table by table so progress can move, then the audit chain and its signed checkpoints. */
import { DxError } from '@shared/api/errors';
import { describeBreak, verifyAuditChain } from '../audit/audit-verify';
import { describeCheckpointProblem, verifyOwnCheckpoints } from '../audit/checkpoint-verify';
import type { JobFunction } from './job';

export const integrityCheckJob: JobFunction<Record<string, never>, { ok: boolean; problems: string[] }> = (_input, context) => {
  const tables = context.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const problems: string[] = [];
  tables.forEach((table, index) => {
    context.throwIfCancelled();
    const rows = context.db.pragma(`integrity_check(${JSON.stringify(table)})`, { simple: false }) as { integrity_check: string }[];
    for (const row of rows) if (row.integrity_check !== 'ok') problems.push(`${table}: ${row.integrity_check}`);
    context.progress(index + 1, tables.length, table);
  });
  if (tables.length === 0) throw new DxError('DB_UNAVAILABLE', 'The database has no tables');
  // Sound pages are not enough: the audit log must also be the chain that was written.
  const audit = verifyAuditChain(context.db);
  if (audit.firstBroken) problems.push(describeBreak(audit.firstBroken));
  // …and still reach every checkpoint the workstation signed, with the hash it signed.
  const checkpoints = verifyOwnCheckpoints(context.db, context.workstation.id);
  if (checkpoints.firstProblem) problems.push(describeCheckpointProblem(checkpoints.firstProblem));
  return { ok: problems.length === 0, problems };
};
