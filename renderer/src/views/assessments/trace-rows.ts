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
  const sectionOf = new Map<string, FormSection>();
  const sections = new Map<string, FormSection>();
  for (const section of form) {
    sections.set(section.id, section);
    for (const item of section.items) {
      items.set(item.id, item.label[language]);
      sectionOf.set(item.id, section);
    }
  }
  const label = (section: FormSection | undefined, fallback: string) => section?.label[language] ?? fallback;
  /** The subtotal row a section's items end with: the category's points of its maximum, or the add-ons' deduction. */
  const subtotal = (section: FormSection): TraceRow | null => {
    if (section.role === 'category') {
      const points = result.categories[section.id] ?? 0;
      return { step: 'category', code: '', name: t('assess.trace.subtotal', { name: label(section, section.id) }), points, showPoints: true, why: t('assess.trace.ofMax', { max: section.max ?? 0 }) };
    }
    if (section.role === 'addOn') {
      return { step: 'category', code: '', name: t('assess.trace.subtotal', { name: label(section, section.id) }), points: -result.addOnDeduction, showPoints: true, why: t('assess.addOnCap', { max: section.max ?? 0 }) };
    }
    return null;
  };
  const rows: TraceRow[] = [];
  const entries = result.trace;
  entries.forEach((entry, index) => {
    const extra = entry as { step?: string; whyZh?: string; whyEn?: string };
    const step = extra.step ?? 'item';
    const why = (language === 'en' ? extra.whyEn : extra.whyZh) ?? entry.why;
    switch (step) {
      case 'category':
        // The engine explains a capped category itself; its subtotal row follows from the items.
        rows.push({ step: 'cap', code: '', name: label(sections.get(entry.item), entry.item), points: entry.points, showPoints: false, why });
        return;
      case 'addOnCap':
        rows.push({ step: 'cap', code: '', name: label(sections.get('ADDON'), entry.item), points: entry.points, showPoints: false, why });
        return;
      case 'total':
        rows.push({ step, code: '', name: t('assess.trace.total'), points: entry.points, showPoints: true, why });
        return;
      case 'stars':
        rows.push({ step, code: entry.item === 'STARS' ? '' : entry.item, name: entry.item === 'STARS' ? t('assess.trace.stars') : (items.get(entry.item) ?? ''), points: entry.points, showPoints: false, why });
        return;
      default: {
        rows.push({ step, code: entry.item, name: items.get(entry.item) ?? '', points: entry.points, showPoints: true, why });
        const section = sectionOf.get(entry.item);
        const next = entries[index + 1] as { item: string; step?: string } | undefined;
        const nextSection = next && (next.step ?? 'item') === 'item' ? sectionOf.get(next.item) : undefined;
        if (section && nextSection !== section) {
          const row = subtotal(section);
          if (row) rows.push(row);
        }
      }
    }
  });
  return rows;
}
