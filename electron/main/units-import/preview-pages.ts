/**
 * What the window sees of a held import preview: a summary with the first errors and rows, pages
 * of rows (all, or only the bad ones, each page with its rows' errors) and of errors, and every
 * error as CSV. Pure functions of the held report.
 */
import { importSummaryIssues } from '@shared/api/procedures/units';
import type { ImportIssue, ImportPreviewRow, ImportRowsPage, ImportSummary } from '@shared/api/procedures/units';
import type { ImportSession } from './import-sessions';

/** Rows in the summary's first page: what the dialog's table shows before any scrolling. */
export const firstPageRows = 100;

interface SessionIndex {
  errorsByLine: Map<number, ImportIssue[]>;
  badRows: ImportPreviewRow[];
}

const indexes = new WeakMap<ImportSession, SessionIndex>();

/** Errors by line and the bad rows, built once per preview (50,000 errors must not be searched per row). */
function indexOf(session: ImportSession): SessionIndex {
  let index = indexes.get(session);
  if (index === undefined) {
    const errorsByLine = new Map<number, ImportIssue[]>();
    for (const issue of session.report.errors) {
      const list = errorsByLine.get(issue.line);
      if (list) list.push(issue);
      else errorsByLine.set(issue.line, [issue]);
    }
    index = { errorsByLine, badRows: session.report.rows.filter((row) => !row.ok) };
    indexes.set(session, index);
  }
  return index;
}

export function rowsPage(session: ImportSession, only: 'all' | 'errors', offset: number, limit: number): ImportRowsPage {
  const index = indexOf(session);
  const rows = only === 'errors' ? index.badRows : session.report.rows;
  const items = rows.slice(offset, offset + limit);
  return { total: rows.length, offset, items, errors: items.flatMap((row) => index.errorsByLine.get(row.line) ?? []) };
}

export function errorsPage(session: ImportSession, offset: number, limit: number): { total: number; offset: number; items: ImportIssue[] } {
  return { total: session.report.errors.length, offset, items: session.report.errors.slice(offset, offset + limit) };
}

export function summaryOf(session: ImportSession): ImportSummary {
  const { report } = session;
  const badLines = indexOf(session).errorsByLine;
  // Errors on line 0 or the header concern the file, not a row.
  const badRows = [...badLines.keys()].filter((line) => line > 0).length;
  return {
    token: session.token,
    expiresAt: new Date(session.expiresAt).toISOString(),
    fileName: report.fileName,
    format: report.format,
    encoding: report.encoding,
    mode: session.mode,
    totalRows: report.totalRows,
    okRows: Math.max(0, report.totalRows - badRows),
    errorCount: report.errors.length,
    warningCount: report.warnings.length,
    ...(report.counts ? { counts: report.counts } : {}),
    errors: report.errors.slice(0, importSummaryIssues),
    warnings: report.warnings.slice(0, importSummaryIssues),
    firstRows: rowsPage(session, 'all', 0, firstPageRows),
    rowsTruncated: report.rowsTruncated,
  };
}

export function errorsCsvFileName(fileName: string): string {
  return `${fileName.replace(/\.[^.]+$/, '')}-错误-errors.csv`;
}
