/** Checks every table of the database for corruption, table by table so progress can move, then the audit log (chain, checkpoints, audited records). */
import { DxError } from '@shared/api/errors';
import { describeAuditProblems, verifyAuditLog } from '../audit/verify-log';
import type { JobFunction } from '../context/job-context';

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
  // Sound pages are not enough: the audit log must also be the chain that was written, reach
  // every checkpoint the workstation signed, and hold the entry of every audited record.
  problems.push(...describeAuditProblems(verifyAuditLog(context.db, context.workstation.id)));
  return { ok: problems.length === 0, problems };
};
