/** Table names and counts in the user's language: "单位 12、评定 40". */
import type { Composer } from 'vue-i18n';

export function countsText(t: Composer['t'], te: Composer['te'], counts: Record<string, number>, none: string): string {
  const parts = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([table, count]) => `${te(`exchange.tables.${table}`) ? t(`exchange.tables.${table}`) : table} ${count}`);
  return parts.length > 0 ? parts.join(' · ') : none;
}

/** The core writes a conflict's reason in both languages; the page shows it by kind. */
export function conflictReasonKey(reason: string, table?: string): string {
  if (table === 'ratings') return 'exchange.conflicts.reasons.ratings';
  if (table === 'city_history') return 'exchange.conflicts.reasons.cityHistory';
  if (reason.startsWith('本机与来源')) return 'exchange.conflicts.reasons.bothChanged';
  if (reason.startsWith('无法加入')) return 'exchange.conflicts.reasons.cannotAdd';
  if (reason.startsWith('不能覆盖')) return 'exchange.conflicts.reasons.immutable';
  return 'exchange.conflicts.reasons.otherVersion';
}
