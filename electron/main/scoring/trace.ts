/** Building trace entries; `why` is the Chinese sentence (users read Chinese), `whyEn` its English twin. */
import type { TraceEntry } from '@shared/scoring/result';

export function traceEntry(
  step: TraceEntry['step'],
  item: string,
  points: number,
  rule: string,
  whyZh: string,
  whyEn: string,
): TraceEntry {
  return { item, points, why: whyZh, whyZh, whyEn, step, rule };
}

/** An item's entry, with the kind, category and answer that explain it. */
export function itemTraceEntry(item: string, points: number, rule: string, whyZh: string, whyEn: string, kind: string, category: string | undefined, answer: unknown): TraceEntry {
  return category === undefined
    ? answer === undefined
      ? { item, points, why: whyZh, whyZh, whyEn, step: 'item', rule, kind }
      : { item, points, why: whyZh, whyZh, whyEn, step: 'item', rule, kind, answer }
    : answer === undefined
      ? { item, points, why: whyZh, whyZh, whyEn, step: 'item', rule, kind, category }
      : { item, points, why: whyZh, whyZh, whyEn, step: 'item', rule, kind, category, answer };
}
