/** `dingxing users add|list|disable`: local users from the command line, which acts as `cli:<account>`. */
import { DxError } from '@shared/api/errors';
import type { User } from '@shared/api/procedures/users';
import { RoleSchema, roles } from '@shared/domain/roles';
import type { Role } from '@shared/domain/roles';
import { callCore } from '../call-core';
import type { CliCommand, OptionValues } from '../command';
import { stringOption, UsageError } from '../command';
import { readNewPassword } from '../read-password';
import { formatTable } from '../text/table';

function rolesOption(values: OptionValues, command: CliCommand): Role[] {
  const raw = values.role;
  const words = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).flatMap((value) => String(value).split(','));
  if (words.length === 0) throw new UsageError(`--role is required: one or more of ${roles.join(', ')}`, command);
  return words.map((word) => {
    const parsed = RoleSchema.safeParse(word.trim());
    if (!parsed.success) throw new UsageError(`Unknown role "${word}": use ${roles.join(', ')}`, command);
    return parsed.data;
  });
}

export const usersAddCommand: CliCommand = {
  path: ['users', 'add'],
  args: 'NAME',
  summary: 'Add a local user (password from DINGXING_PASSWORD or a prompt)',
  positionals: { min: 1, max: 1 },
  options: {
    role: { type: 'string', multiple: true, help: 'ROLE  inspector, leader, city or admin; repeat or separate with commas' },
    'display-name': { type: 'string', help: 'TEXT  the name shown in the app and on reports (default: NAME)' },
  },
  async run(context) {
    const [name = ''] = context.positionals;
    const userRoles = rolesOption(context.values, usersAddCommand);
    const password = await readNewPassword(usersAddCommand);
    const core = await context.core();
    const user = await callCore(core, 'users.add', { name, displayName: stringOption(context.values, 'display-name') ?? name, roles: userRoles, password });
    context.print(user, `已添加用户 / Added user ${user.name} (${user.roles.join(', ')})`);
  },
};

export const usersListCommand: CliCommand = {
  path: ['users', 'list'],
  summary: 'List the local users and their roles',
  async run(context) {
    const users = await callCore(await context.core(), 'users.list', {});
    const rows = users.map((user) => [user.name, user.displayName, user.roles.join(','), user.disabled ? '停用 disabled' : user.lockedUntil ? `锁定 locked to ${user.lockedUntil}` : '正常 active']);
    context.print(users, users.length === 0 ? '没有用户 / No users yet: dingxing users add NAME --role admin' : formatTable(['用户名 name', '显示名 display', '角色 roles', '状态 state'], rows));
  },
};

export const usersDisableCommand: CliCommand = {
  path: ['users', 'disable'],
  args: 'NAME',
  summary: 'Disable a user (the last admin cannot be disabled)',
  positionals: { min: 1, max: 1 },
  async run(context) {
    const [name = ''] = context.positionals;
    const core = await context.core();
    const users = await callCore(core, 'users.list', {});
    const user = users.find((candidate: User) => candidate.name.toLowerCase() === name.trim().toLowerCase());
    if (!user) throw new DxError('NOT_FOUND', `没有此用户 / No user named ${name}`, { issues: [{ path: ['name'], message: `no user named ${name}` }] });
    const disabled = await callCore(core, 'users.update', { id: user.id, disabled: true });
    context.print(disabled, `已停用 / Disabled ${disabled.name}`);
  },
};
