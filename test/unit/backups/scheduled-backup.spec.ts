// Automatic backups: taken when the newest is a day old, skipped when recent, old ones pruned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../electron/main/backups/scheduled-backup';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile, tempDir } from '../../helpers/temp';

describe('scheduled backups', () => {
  it('backs up when there is none, skips while the newest is fresh, and rotates old ones away', async () => {
    const { db } = await openDatabase(tempDbFile());
    const backupDir = tempDir();
    const first = await backupIfDue(db, { backupDir, now: () => new Date('2026-11-01T08:00:00Z') });
    expect(first).not.toBeNull();
    expect(fs.existsSync(first as string)).toBe(true);
    expect(await backupIfDue(db, { backupDir, now: () => new Date('2026-11-01T20:00:00Z') })).toBeNull();
    // Twelve days of backups: the last 7 days stay, and of the days before only what a week or a month still needs.
    for (let day = 2; day <= 12; day += 1) {
      await backupIfDue(db, { backupDir, maxAgeMs: 0, now: () => new Date(`2026-11-${String(day).padStart(2, '0')}T08:00:00Z`) });
    }
    const names = fs.readdirSync(backupDir).sort();
    const days = names.map((name) => name.slice('dingxing-auto-2026-11-'.length, 'dingxing-auto-2026-11-'.length + 2));
    expect(days.slice(-7)).toEqual(['06', '07', '08', '09', '10', '11', '12']);
    // 2026-11-01 (a Sunday) ends its ISO week; 2026-11-02..05 belong to the week whose newest is kept anyway (08).
    expect(days).toContain('01');
    expect(days).not.toContain('03');
    expect(path.basename(names.at(-1) as string)).toContain('2026-11-12');
    db.close();
  });
});
