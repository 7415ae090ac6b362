/**
 * Every error of an import preview as a CSV a person opens in Excel (UTF-8 with a BOM, CRLF),
 * so a file with thousands of bad rows can be fixed from the list, not from the first 200 shown.
 */
import type { ImportIssue } from '@shared/api/procedures/units';
import { csvOf } from '@shared/text/csv';

export function issuesToCsv(issues: readonly ImportIssue[], headers: readonly [string, string, string], english: boolean): string {
  return csvOf([headers, ...issues.map((issue) => [issue.line, issue.column ?? '', english ? issue.messageEn : issue.message])]);
}

/** Hands the text to the browser as a download named `fileName`. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
