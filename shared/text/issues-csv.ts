/** Every problem of an imported file as a CSV in both languages: `units import --errors FILE` and the import dialog's download. */
import type { ImportIssue } from '../api/procedures/units';
import { csvOf } from './csv';

export function issuesCsv(issues: readonly ImportIssue[]): string {
  return csvOf([['行号 line', '列 column', '问题', 'problem'], ...issues.map((issue) => [issue.line, issue.column ?? '', issue.message, issue.messageEn])]);
}
