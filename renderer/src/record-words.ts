/**
 * A record as people say it, in the user's language: "汉阳区鹦鹉洲物流有限公司 · 2026 年度评定",
 * "证书 WH-2026-420105-000001 · 单位名", "李检查员"; and the page that shows it. Never an id alone
 * when a name is known (the id stays available on hover).
 */
import type { RecordRef } from '@shared/domain/record-ref';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** `districtName`: a district's name by its code in the user's language (district-name.ts). */
export function recordTitle(record: RecordRef, t: Translate, districtName: (code: string) => string = (code) => code): string {
  const unit = record.unitName ?? t('records.unknownUnit');
  const cycle = record.cycle ?? '—';
  switch (record.kind) {
    case 'unit':
      return t('records.unit', { name: record.name ?? unit });
    case 'assessment':
      return t('records.assessment', { unit, cycle });
    case 'history':
      return t('records.history', { unit, cycle });
    case 'certificate':
      return t('records.certificate', { number: record.name ?? '—', unit });
    case 'revocation':
      return t('records.revocation', { number: record.name ?? '—', unit });
    case 'rectification':
      return t('records.rectification', { unit });
    case 'evidence':
      return t('records.evidence', { name: record.name ?? '—', unit });
    case 'districtInputs':
      return t('records.districtInputs', { district: record.district ? districtName(record.district) : '—', cycle });
    case 'user':
      return t('records.user', { name: record.name ?? record.id });
    case 'workstation':
      return t('records.workstation', { name: record.name ?? record.id });
    case 'conflict':
      return t('records.conflict', { what: record.unitName ?? record.name ?? (record.district ? districtName(record.district) : record.id) });
    case 'pack':
      return t('records.pack', { name: record.name ?? record.id });
    default:
      return record.id;
  }
}

/** The app's page of the record, where it has one. */
export function recordLink(record: RecordRef): string | null {
  switch (record.kind) {
    case 'unit':
      return `/units/${record.id}`;
    case 'assessment':
      return `/assessments/${record.id}`;
    case 'certificate':
      return record.name ? `/certificates?search=${encodeURIComponent(record.name)}` : '/certificates';
    case 'conflict':
      return '/exchange?tab=conflicts';
    case 'workstation':
      return '/exchange?tab=trust';
    case 'user':
      return '/settings?tab=user';
    default:
      return null;
  }
}

/** ISO timestamps (2026-12-05T06:57:31.434Z) as local time, as people read them; other values as they are. */
export function localTimes(value: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/.exec(value);
  if (!match) return value;
  const date = new Date(value);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** Who did something: their display name; the command line as "命令行（root）" / "command line (root)"; else the id as recorded. */
export function actorWords(actor: string, displayName: string | null, t: Translate): string {
  if (displayName) return displayName;
  if (actor.startsWith('cli:')) return t('records.commandLine', { account: actor.slice(4) });
  return actor;
}
