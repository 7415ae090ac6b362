/** Any thrown value as the error shape that crosses a boundary (kept apart so a job worker need not load the contract). */
import { DxError } from '@shared/api/errors';
import type { ApiErrorShape } from '@shared/api/errors';
import { dxErrorOfSqlite } from './sqlite-errors';

export function toErrorShape(error: unknown): ApiErrorShape {
  if (error instanceof DxError) return error.toJSON();
  const known = dxErrorOfSqlite(error);
  if (known) return known.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message };
}
