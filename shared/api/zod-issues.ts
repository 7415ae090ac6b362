/** Turns zod issues into the `{ path, message }` list every boundary reports. */
import type { z } from 'zod';
import type { ErrorIssue } from './errors';

export function toIssues(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
  }));
}

export function describeIssues(issues: ErrorIssue[]): string {
  return issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
