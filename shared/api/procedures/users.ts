/** Procedures of the admin's users screen: add, change roles, disable, reset a password. */
import { z } from 'zod';
import { procedure } from '../procedure';
import { DisplayNameSchema, PasswordSchema, RoleSchema, UserNameSchema } from '@shared/domain/roles';

export const UserSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  disabled: z.boolean(),
  /** Set while five wrong passwords keep the account locked. */
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

const RolesInputSchema = z.array(RoleSchema).min(1, 'at least one role').max(4);
const id = z.string().min(1).max(100);

export const userProcedures = {
  'users.list': procedure({
    roles: ['admin'],
    writes: false,
    summary: 'Every local user',
    input: z.object({}).strict(),
    output: z.array(UserSchema),
  }),
  'users.add': procedure({
    roles: ['admin'],
    writes: true, audit: ['users.add'],
    summary: 'Add a local user with a password and roles',
    input: z.object({ name: UserNameSchema, displayName: DisplayNameSchema, roles: RolesInputSchema, password: PasswordSchema }).strict(),
    output: UserSchema,
  }),
  'users.update': procedure({
    roles: ['admin'],
    writes: true, audit: ['users.update'],
    summary: 'Change a user’s display name, roles or disabled flag; the last active admin stays an admin',
    input: z.object({ id, displayName: DisplayNameSchema.optional(), roles: RolesInputSchema.optional(), disabled: z.boolean().optional() }).strict(),
    output: UserSchema,
  }),
  'users.resetPassword': procedure({
    roles: ['admin'],
    writes: true, audit: ['users.resetPassword'],
    summary: 'Set a new password for a user and lift a lockout',
    input: z.object({ id, password: PasswordSchema }).strict(),
    output: UserSchema,
  }),
};
