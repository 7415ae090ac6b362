/** `dingxing backup --out FILE` and `dingxing restore FILE`: consistent copies of the database. */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { CliCommand } from '../command';
import { stringOption, UsageError } from '../command';
import { callCore } from '../call-core';
import { cliActor } from '../cli-actor';
import { cliPlatform } from '../cli-platform';

export const backupCommand: CliCommand = {
  path: ['backup'],
  summary: 'Write a consistent online backup of the database to FILE',
  options: { out: { type: 'string', help: 'FILE  where to write the backup (must not exist)' } },
  async run(context) {
    const out = stringOption(context.values, 'out');
    if (out === undefined) throw new UsageError('--out FILE is required', backupCommand);
    const target = path.resolve(out);
    // Refused before the database is opened (the core refuses it again).
    if (fs.existsSync(target)) throw new DxError('REFUSED', `${target} already exists; choose a new file name`);
    const { file, bytes } = await callCore(await context.core(), 'system.backupTo', { file: target });
    context.print({ file, bytes }, `Backup written: ${file} (${bytes.toLocaleString('en-US')} bytes)`);
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
    // Putting a file in place of the database is the core host's work, not a call on an open core:
    // the database being replaced may be the one that cannot be opened any more.
    const { restoreIntoDatabase } = await import('../../host/core-host');
    const result = await restoreIntoDatabase({ dbFile: context.dbFile, platform: cliPlatform() }, source, cliActor());
    context.print(
      { restored: source, dbFile: context.dbFile, schemaVersion: result.schemaVersion, previousBackup: result.previousBackup },
      [`Restored ${source} into ${context.dbFile}`, result.previousBackup ? `  the replaced database was saved as ${result.previousBackup}` : ''].filter(Boolean).join('\n'),
    );
  },
};
