/** `dingxing backup --out FILE` and `dingxing restore FILE`: consistent copies of the database. */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { CliCommand } from '../command';
import { stringOption, UsageError } from '../command';
import { restoreDatabase } from '../../db/restore';
import { createPrivateFile } from '../../files/private-files';
import { systemClock } from '../../platform';

export const backupCommand: CliCommand = {
  path: ['backup'],
  summary: 'Write a consistent online backup of the database to FILE',
  options: { out: { type: 'string', help: 'FILE  where to write the backup (must not exist)' } },
  async run(context) {
    const out = stringOption(context.values, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required', backupCommand);
    const target = path.resolve(out);
    if (fs.existsSync(target)) throw new DxError('REFUSED', `${target} already exists; choose a new file name`);
    const core = await context.core();
    createPrivateFile(target);
    await core.services.db.backup(target);
    core.services.audit({ actor: 'cli', action: 'backup', subject: target });
    const bytes = fs.statSync(target).size;
    context.print({ file: target, bytes }, `Backup written: ${target} (${bytes.toLocaleString('en-US')} bytes)`);
  },
};

export const restoreCommand: CliCommand = {
  path: ['restore'],
  summary: 'Replace the database with a backup (the current one is backed up first)',
  args: 'FILE',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const source = path.resolve(context.positionals[0] as string);
    if (source === context.dbFile) throw new DxError('REFUSED', 'The backup file is the database itself');
    const result = await restoreDatabase(source, context.dbFile, systemClock(), { actor: 'cli', action: 'restore', subject: source });
    // Open once so an older backup is migrated (with its own pre-migration backup) right away.
    await context.core();
    context.print(
      { restored: source, dbFile: context.dbFile, schemaVersion: result.schemaVersion, previousBackup: result.previousBackup },
      [`Restored ${source} into ${context.dbFile}`, result.previousBackup ? `  the replaced database was saved as ${result.previousBackup}` : ''].filter(Boolean).join('\n'),
    );
  },
};
