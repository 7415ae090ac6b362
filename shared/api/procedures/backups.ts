/** Procedures of the 备份与恢复 screen and the home page's backup warning. */
import { z } from 'zod';
import { procedure } from '../procedure';

export const BackupFileSchema = z.object({
  name: z.string(),
  kind: z.enum(['auto', 'manual', 'beforeRestore', 'beforeMigration']),
  bytes: z.number().int(),
  takenAt: z.string(),
});
export type BackupFile = z.infer<typeof BackupFileSchema>;

export const BackupStatusSchema = z.object({
  lastBackupAt: z.string().nullable(),
  freeBytes: z.number().nullable(),
  warnings: z.array(z.enum(['noBackup', 'backupOld', 'diskLow'])),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;

export const backupProcedures = {
  'backups.list': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Every backup in the backups folder beside the database, newest first',
    input: z.object({}).strict(),
    output: z.object({ folder: z.string(), backups: z.array(BackupFileSchema) }),
  }),
  'backups.restore': procedure({
    roles: ['admin'],
    writes: true, audit: ['restore'],
    summary: 'Put a backup from the list in place of the database (the current one is kept as a backup first); everyone logs in again',
    input: z.object({ name: z.string().min(1).max(200) }).strict(),
    output: z.object({ restored: z.string(), previousBackup: z.string().nullable(), schemaVersion: z.number().int() }),
  }),
  'backups.status': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'When the last backup was taken and how much disk is free, with the warnings a person should see',
    input: z.object({}).strict(),
    output: BackupStatusSchema,
  }),
};
