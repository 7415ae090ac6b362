/** `dingxing init [--admin NAME]`: create or migrate the database, load the reference data, optionally the first admin. */
import { DxError } from '@shared/api/errors';
import { callCore } from '../call-core';
import type { CliCommand } from '../command';
import { stringOption } from '../command';
import { readNewPassword } from '../read-password';

export const initCommand: CliCommand = {
  path: ['init'],
  summary: 'Create or migrate the database; load the default rubric packs and the 15 districts',
  options: {
    admin: { type: 'string', help: 'NAME  also create the first admin (password from DINGXING_PASSWORD or a prompt)' },
    'display-name': { type: 'string', help: 'TEXT  the admin’s name as shown in the app (default: NAME)' },
  },
  async run(context) {
    const adminName = stringOption(context.values, 'admin');
    // Ask before touching the database, so a refused password leaves nothing half-done.
    const password = adminName === undefined ? undefined : await readNewPassword(initCommand);
    const core = await context.core();
    let admin: { id: string; name: string } | null = null;
    if (adminName !== undefined && password !== undefined) {
      const existing = await callCore(core, 'users.list', {});
      if (existing.some((user) => user.roles.includes('admin'))) {
        throw new DxError('CONFLICT', `已有管理员，请用 dingxing users add 添加用户 / An admin exists already: add users with dingxing users add`, {
          issues: [{ path: ['admin'], message: 'an admin exists already' }],
        });
      }
      admin = await callCore(core, 'users.add', { name: adminName, displayName: stringOption(context.values, 'display-name') ?? adminName, roles: ['admin'], password });
    }
    const value = await callCore(core, 'system.status', {});
    const { from, to, backupFile } = core.migrated;
    const change = from === to ? `schema ${to} (already up to date)` : `schema ${from} → ${to}`;
    context.print(
      { dbFile: context.dbFile, schemaVersion: value.schemaVersion, migratedFrom: from, backupFile, workstationId: value.workstationId, counts: value.counts, admin },
      [
        `Database ready: ${context.dbFile}`,
        `  ${change}${backupFile ? `, backup before migrating: ${backupFile}` : ''}`,
        `  workstation ${value.workstationId}`,
        ...(admin ? [`  管理员 / admin: ${admin.name}`] : []),
      ].join('\n'),
    );
  },
};
