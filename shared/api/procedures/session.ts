/**
 * Procedures of who is calling: logging in and out, the idle lock, and creating the first admin of
 * a fresh database. The door binds the session to its caller (a browser tab's header, a window).
 */
import { z } from 'zod';
import { procedure } from '../procedure';
import { ActorSchema, DisplayNameSchema, PasswordSchema, UserNameSchema } from '@shared/domain/roles';

export const SessionStateSchema = z.object({
  /** Who is logged in through this door, or null. */
  user: ActorSchema.nullable(),
  /** The session is held but locked after inactivity: only the password unlocks it. */
  locked: z.boolean(),
  /** No user exists yet: the app asks for the first admin. */
  needsSetup: z.boolean(),
  /** After this long without input the app locks itself. */
  idleLockSeconds: z.number().int().positive(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

const LoginResultSchema = z.object({
  /** Opaque and held only in memory by the door; serve-mode clients send it as `X-Dingxing-Session`. */
  session: z.string(),
  user: ActorSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const sessionProcedures = {
  'session.get': procedure({
    roles: 'public',
    writes: false,
    summary: 'Who is logged in through this door, whether the session is locked, and whether the first admin is still to be created',
    input: z.object({}).strict(),
    output: SessionStateSchema,
  }),
  'session.login': procedure({
    roles: 'public',
    writes: true, audit: ['session.login'],
    summary: 'Log in with a name and password; five wrong passwords lock the account for 15 minutes',
    input: z.object({ name: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) }).strict(),
    output: LoginResultSchema,
  }),
  'session.logout': procedure({
    roles: 'public',
    writes: true, audit: ['session.logout'],
    summary: 'End this door’s session',
    input: z.object({}).strict(),
    output: z.object({ loggedOut: z.boolean() }),
  }),
  'session.lock': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Lock this session now (the app does it after inactivity); the password unlocks it',
    input: z.object({}).strict(),
    output: SessionStateSchema,
  }),
  'session.unlock': procedure({
    roles: 'public',
    writes: true,
    summary: 'Unlock a locked session with the logged-in user’s password',
    input: z.object({ password: z.string().min(1).max(200) }).strict(),
    output: SessionStateSchema,
  }),
  'session.changePassword': procedure({
    roles: 'signedIn',
    writes: true, audit: ['users.changePassword'],
    summary: 'Change the logged-in user’s own password',
    input: z.object({ current: z.string().min(1).max(200), next: PasswordSchema }).strict(),
    output: z.object({ changed: z.boolean() }),
  }),
  'setup.createAdmin': procedure({
    roles: 'public',
    writes: true, audit: ['users.createFirstAdmin'],
    summary: 'Create the first admin of a database that has no users, and log in as that admin',
    input: z.object({ name: UserNameSchema, displayName: DisplayNameSchema, password: PasswordSchema }).strict(),
    output: LoginResultSchema,
  }),
};
