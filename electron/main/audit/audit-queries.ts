/** Reads of the audit log for 设置 › 审计日志: filtered pages, the users and actions seen, the newest checkpoint. */
import type { Database } from 'better-sqlite3';
import type { AuditList, AuditListInput } from '@shared/api/procedures/audit';
import { lastCheckpoint } from './checkpoints';
import { distinctValuesSql } from '../db/distinct-values';

/** The day after an ISO date, for an inclusive "to" date. */
function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

export function listAudit(db: Database, workstationId: string, input: Required<Pick<AuditListInput, 'offset' | 'limit'>> & AuditListInput): AuditList {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.actor) {
    where.push('a.actor = @actor');
    params.actor = input.actor;
  }
  if (input.subject) {
    where.push("a.subject LIKE @subject ESCAPE '\\'");
    params.subject = `%${input.subject.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  if (input.action) {
    where.push('a.action = @action');
    params.action = input.action;
  }
  // Entries are stamped in UTC; a calendar date filter compares their date part.
  if (input.from) {
    where.push('a.at >= @from');
    params.from = input.from;
  }
  if (input.to) {
    where.push('a.at < @to');
    params.to = nextDay(input.to);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = db.prepare(`SELECT count(*) FROM audit_log a ${clause}`).pluck().get(params) as number;
  const checkpoint = lastCheckpoint(db, workstationId);
  const rows = db
    .prepare(
      `SELECT a.seq, a.at, a.actor, u.display_name AS actorName, a.action, a.subject, a.data
       FROM audit_log a LEFT JOIN users u ON u.id = a.actor ${clause}
       ORDER BY a.seq DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as Omit<AuditList['items'][number], 'signed'>[];
  // Walked through the actor and action indexes, not read from every entry of a long log.
  const actors = db
    .prepare(`SELECT a.value AS actor, u.display_name AS actorName FROM (${distinctValuesSql('audit_log', 'actor')}) a LEFT JOIN users u ON u.id = a.value ORDER BY a.value`)
    .all() as AuditList['actors'];
  const actions = (db.prepare(distinctValuesSql('audit_log', 'action')).all() as { value: string }[]).map((row) => row.value);
  return {
    total,
    offset: input.offset,
    items: rows.map((row) => ({ ...row, signed: checkpoint !== null && row.seq <= checkpoint.seq })),
    actors,
    actions,
    lastCheckpoint: checkpoint ? { seq: checkpoint.seq, signedAt: checkpoint.signedAt } : null,
  };
}
