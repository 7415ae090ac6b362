/** How a district row reads in the user's language: its name, grade and deciding rule. */
import type { DingRow } from '@shared/domain/ding-evaluation';

export function districtName(row: { name: string; nameEn: string }, locale: string): string {
  if (locale !== 'en') return row.name;
  // Axis labels have little room: the economic zone's long English name is shortened as locals do.
  return row.nameEn.replace(/ (District|Development Zone)$/, '').replace('Wuhan Economic and Technological', 'Wuhan Econ. & Tech. Zone');
}

export function percent(share: number): string {
  return `${(Math.round(share * 10_000) / 100).toString()}%`;
}

export function traceWords(row: DingRow, locale: string): string[] {
  return row.trace.map((step) => (locale === 'en' ? step.en : step.zh));
}
