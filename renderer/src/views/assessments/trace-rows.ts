/**
 * The engine's trace as a person reads it: each entry with the item's or category's name from
 * the form, subtotals and the total marked as such, and the reason in the reader's language.
 */
import type { FormSection, ScoreResult } from '@shared/api/procedures/assessments';

export interface TraceRow {
  step: string;
  /** The item id a person can look up in the pack (RES-1); empty for totals and decisions. */
  code: string;
  name: string;
  points: number;
  /** Decisions (stars) carry no points of their own. */
  showPoints: boolean;
  why: string;
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function traceRows(result: ScoreResult, form: readonly FormSection[], language: 'zh' | 'en', t: Translate): TraceRow[] {
  const items = new Map<string, string>();
  const sections = new Map<string, string>();
  for (const section of form) {
    sections.set(section.id, section.label[language]);
    for (const item of section.items) items.set(item.id, item.label[language]);
  }
  return result.trace.map((entry) => {
    const extra = entry as { step?: string; whyZh?: string; whyEn?: string };
    const step = extra.step ?? 'item';
    const why = (language === 'en' ? extra.whyEn : extra.whyZh) ?? entry.why;
    switch (step) {
      case 'category':
        return { step, code: '', name: t('assess.trace.subtotal', { name: sections.get(entry.item) ?? entry.item }), points: entry.points, showPoints: true, why };
      case 'addOnCap':
        return { step, code: '', name: t('assess.trace.subtotal', { name: sections.get('ADDON') ?? entry.item }), points: entry.points, showPoints: true, why };
      case 'total':
        return { step, code: '', name: t('assess.trace.total'), points: entry.points, showPoints: true, why };
      case 'stars':
        return { step, code: entry.item === 'STARS' ? '' : entry.item, name: entry.item === 'STARS' ? t('assess.trace.stars') : (items.get(entry.item) ?? ''), points: entry.points, showPoints: false, why };
      default:
        return { step, code: entry.item, name: items.get(entry.item) ?? '', points: entry.points, showPoints: true, why };
    }
  });
}
