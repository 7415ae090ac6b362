// The 备份与恢复 screen's procedures: the backups beside the database and the warnings of the home page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodePlatform } from '../../electron/main/platform/platform';
import { anyone } from '../helpers/actors';
import { testCore } from '../helpers/core';

async function call<T>(core: Awaited<ReturnType<typeof testCore>>, name: string): Promise<T> {
  const result = await core.dispatcher.dispatch(name, {}, anyone);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('backups procedures', () => {
  it('warns that there is no backup, then lists one taken by hand and stops warning', async () => {
    const core = await testCore({ platform: nodePlatform({ now: () => new Date('2026-12-01T09:00:00Z') }) });
    expect((await call<{ warnings: string[] }>(core, 'backups.status')).warnings).toContain('noBackup');
    await call(core, 'system.backup');
    const { backups, folder } = await call<{ folder: string; backups: { name: string; kind: string; bytes: number; takenAt: string }[] }>(core, 'backups.list');
    expect(folder).toBe(path.join(core.services.dataDir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ kind: 'manual', takenAt: '2026-12-01T09:00:00.000Z' });
    expect(backups[0]?.bytes).toBeGreaterThan(0);
    const status = await call<{ warnings: string[]; lastBackupAt: string; freeBytes: number }>(core, 'backups.status');
    expect(status.warnings).not.toContain('noBackup');
    expect(status.lastBackupAt).toBe('2026-12-01T09:00:00.000Z');
    expect(status.freeBytes).toBeGreaterThan(0);
  });

  it('warns when the newest backup is older than 7 days, and ignores files that are not backups', async () => {
    let now = new Date('2026-11-01T09:00:00Z');
    const core = await testCore({ platform: nodePlatform({ now: () => now }) });
    await call(core, 'system.backup');
    fs.writeFileSync(path.join(core.services.dataDir, 'backups', 'notes.txt'), 'not a backup');
    now = new Date('2026-11-08T09:00:01Z');
    expect((await call<{ warnings: string[] }>(core, 'backups.status')).warnings).toEqual(['backupOld']);
    expect((await call<{ backups: unknown[] }>(core, 'backups.list')).backups).toHaveLength(1);
  });

  it('lists only this database’s backups when another database shares the folder', async () => {
    const now = () => new Date('2026-12-01T09:00:00Z');
    const mine = await testCore({ platform: nodePlatform({ now }) });
    const folder = path.dirname(mine.services.dbFile);
    const other = await testCore({ dbFile: path.join(folder, 'other.sqlite'), platform: nodePlatform({ now: () => new Date('2026-12-01T10:00:00Z') }) });
    await call(mine, 'system.backup');
    await call(other, 'system.backup');
    // The copy another database made before a restore, beside ours.
    fs.writeFileSync(path.join(folder, 'backups', `other.sqlite.before-restore.${'2026-12-01T11-00-00-000Z'}.bak`), 'x');
    const listed = (await call<{ backups: { name: string; takenAt: string }[] }>(mine, 'backups.list')).backups;
    expect(listed.map((backup) => backup.takenAt)).toEqual(['2026-12-01T09:00:00.000Z']);
    const theirs = (await call<{ backups: { name: string; takenAt: string }[] }>(other, 'backups.list')).backups;
    expect(theirs.map((backup) => backup.takenAt)).toEqual(['2026-12-01T11:00:00.000Z', '2026-12-01T10:00:00.000Z']);
  });
});
