/** Building trace entries; `why` is the Chinese sentence (users read Chinese), `whyEn` its English twin. */
import type { TraceEntry } from '@shared/scoring/result';

export function traceEntry(
  step: TraceEntry['step'],
  item: string,
  points: number,
  rule: string,
  whyZh: string,
  whyEn: string,
  extra?: { kind?: string; category?: string; answer?: unknown },
): TraceEntry {
  const entry: TraceEntry = { item, points, why: whyZh, whyZh, whyEn, step, rule };
  if (extra !== undefined) {
    if (extra.kind !== undefined) entry.kind = extra.kind;
    if (extra.category !== undefined) entry.category = extra.category;
    if (extra.answer !== undefined) entry.answer = extra.answer;
  }
  return entry;
}
