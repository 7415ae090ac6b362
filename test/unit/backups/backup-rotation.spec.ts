// Automatic backups rotate: 7 daily, 4 weekly, 12 monthly; a year of daily backups leaves at most 23 files.
import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../../electron/main/backups/backup-rotation';

function daily(days: number, end = Date.UTC(2026, 11, 1, 3)) {
  return Array.from({ length: days }, (_, index) => {
    const takenAt = new Date(end - index * 86_400_000);
    return { name: takenAt.toISOString(), takenAt };
  });
}

describe('backup rotation', () => {
  it('keeps everything while there are fewer backups than days to keep', () => {
    const backups = daily(5);
    expect(backupsToKeep(backups).size).toBe(5);
  });

  it('keeps the last 7 days, one a week for 4 weeks and one a month for 12 months from a year of dailies', () => {
    const backups = daily(400);
    const kept = backupsToKeep(backups);
    const names = [...kept].sort().reverse();
    // The 7 newest are the last 7 days.
    expect(names.slice(0, 7)).toEqual(backups.slice(0, 7).map((backup) => backup.name));
    expect(kept.size).toBeLessThanOrEqual(7 + 4 + 12);
    // The oldest kept is the newest backup of the 12th month back.
    const months = new Set(names.map((name) => name.slice(0, 7)));
    expect(months.size).toBe(12);
    expect(months.has('2026-01')).toBe(true);
    expect(months.has('2025-12')).toBe(false);
  });

  it('keeps the newest of a day with several backups', () => {
    const morning = { name: 'a', takenAt: new Date('2026-11-30T08:00:00Z') };
    const evening = { name: 'b', takenAt: new Date('2026-11-30T20:00:00Z') };
    expect([...backupsToKeep([morning, evening])]).toEqual(['b']);
  });
});
