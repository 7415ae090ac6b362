/** Calendar dates as `YYYY-MM-DD`, refused when the day does not exist (2026-02-30). */
import { z } from 'zod';

export function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const IsoDateSchema = z.string().refine(isRealDate, 'expected a date YYYY-MM-DD that exists');
