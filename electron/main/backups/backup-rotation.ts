/**
 * Which automatic backups to keep: the newest of each of the last 7 days, of each of the last 4
 * ISO weeks and of each of the last 12 months (grandfather–father–son). Pure: the caller lists
 * the files and removes the rest.
 */
export interface DatedBackup {
  name: string;
  takenAt: Date;
}

export const rotation = { daily: 7, weekly: 4, monthly: 12 } as const;

function dayKey(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 week: the Thursday of the week decides its year. */
function weekKey(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function monthKey(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** The newest backup in each of the `count` most recent periods that have one. */
function newestPerPeriod(backups: DatedBackup[], key: (date: Date) => string, count: number): string[] {
  const newestFirst = [...backups].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const backup of newestFirst) {
    const period = key(backup.takenAt);
    if (seen.has(period)) continue;
    seen.add(period);
    kept.push(backup.name);
    if (seen.size === count) break;
  }
  return kept;
}

export function backupsToKeep(backups: DatedBackup[]): Set<string> {
  return new Set([
    ...newestPerPeriod(backups, dayKey, rotation.daily),
    ...newestPerPeriod(backups, weekKey, rotation.weekly),
    ...newestPerPeriod(backups, monthKey, rotation.monthly),
  ]);
}
