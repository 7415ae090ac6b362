// Automatic backups: taken when the newest is a day old, skipped when recent, old ones pruned.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupIfDue } from '../../../electron/main/db/scheduled-backup';
import { openDatabase } from '../../../electron/main/db/open-database';
import { tempDbFile, tempDir } from '../../helpers/temp';

describe('scheduled backups', () => {
  it('backs up when there is none, skips while the newest is fresh, and keeps only the newest few', async () => {
    const { db } = await openDatabase(tempDbFile());
    const backupDir = tempDir();
    const first = await backupIfDue(db, { backupDir, now: () => new Date('2026-11-01T08:00:00Z') });
    expect(first).not.toBeNull();
    expect(fs.existsSync(first as string)).toBe(true);
    expect(await backupIfDue(db, { backupDir, now: () => new Date('2026-11-01T20:00:00Z') })).toBeNull();
    for (let day = 2; day <= 5; day += 1) {
      await backupIfDue(db, { backupDir, keep: 3, maxAgeMs: 0, now: () => new Date(`2026-11-0${day}T08:00:00Z`) });
    }
    const names = fs.readdirSync(backupDir).sort();
    expect(names).toHaveLength(3);
    expect(names[0]).toContain('2026-11-03');
    expect(path.basename(names.at(-1) as string)).toContain('2026-11-05');
    db.close();
  });
});
