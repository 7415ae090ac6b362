/** `dingxing init`: create or migrate the database and load the reference data. */
import type { CliCommand } from '../command';

export const initCommand: CliCommand = {
  path: ['init'],
  summary: 'Create or migrate the database; load the default rubric packs and the 15 districts',
  async run(context) {
    const core = await context.core();
    const status = await core.dispatcher.dispatch('system.status', {});
    if (!status.ok) throw new Error(status.error.message);
    const value = status.value as { schemaVersion: number; workstationId: string; counts: Record<string, number> };
    const { from, to, backupFile } = core.migrated;
    const change = from === to ? `schema ${to} (already up to date)` : `schema ${from} → ${to}`;
    context.print(
      { dbFile: context.dbFile, schemaVersion: value.schemaVersion, migratedFrom: from, backupFile, workstationId: value.workstationId, counts: value.counts },
      [
        `Database ready: ${context.dbFile}`,
        `  ${change}${backupFile ? `, backup before migrating: ${backupFile}` : ''}`,
        `  workstation ${value.workstationId}`,
      ].join('\n'),
    );
  },
};
