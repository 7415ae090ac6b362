/**
 * An audit entry's details as labelled fields in the user's language: "总分：87.5 · 授予星级：3",
 * records by name (not id), counts by table, yes/no in words, times in local time. A detail the
 * app has no label for keeps its key, so nothing recorded is ever hidden.
 */
import type { AuditEntry } from '@shared/api/procedures/audit';
import { localTimes, recordTitle } from '../../record-words';

interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string): boolean;
}

export interface DetailRow {
  key: string;
  label: string;
  value: string;
}

function tableCounts(i18n: Translator, counts: Record<string, unknown>): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => typeof count === 'number' && count > 0)
    .map(([table, count]) => `${i18n.te(`exchange.tables.${table}`) ? i18n.t(`exchange.tables.${table}`) : table} ${String(count)}`);
  return parts.length > 0 ? parts.join(' · ') : i18n.t('exchange.import.none');
}

function valueText(i18n: Translator, key: string, value: unknown, english: boolean): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return i18n.t(value ? 'audit.yes' : 'audit.no');
  if (typeof value === 'string') {
    if (i18n.te(`audit.values.${key}.${value}`)) return i18n.t(`audit.values.${key}.${value}`);
    return localTimes(value);
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return i18n.t('exchange.import.none');
    return value
      .map((entry) => {
        if (typeof entry === 'string') return i18n.te(`roles.${entry}`) && key === 'roles' ? i18n.t(`roles.${entry}`) : entry;
        if (entry && typeof entry === 'object' && 'entry' in entry) {
          const refusal = entry as { entry: string; reason?: string; reasonEn?: string };
          return `${refusal.entry}：${(english ? refusal.reasonEn : refusal.reason) ?? ''}`;
        }
        return JSON.stringify(entry);
      })
      .join(english ? ', ' : '、');
  }
  if (typeof value === 'object') return tableCounts(i18n, value as Record<string, unknown>);
  return String(value);
}

export function detailRows(entry: Pick<AuditEntry, 'data' | 'dataRefs'>, i18n: Translator, english: boolean, districtName: (code: string) => string): DetailRow[] {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(entry.data) as Record<string, unknown>;
  } catch {
    return entry.data ? [{ key: 'data', label: i18n.t('audit.details'), value: entry.data }] : [];
  }
  return Object.entries(data).map(([key, value]) => {
    const label = i18n.te(`audit.fields.${key}`) ? i18n.t(`audit.fields.${key}`) : key;
    const named = entry.dataRefs[key];
    return { key, label, value: named && named.kind !== 'unknown' ? recordTitle(named, i18n.t, districtName) : valueText(i18n, key, value, english) };
  });
}
