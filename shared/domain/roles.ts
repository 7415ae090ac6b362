/**
 * Who may do what. A local user holds one or more roles; every API procedure declares the roles
 * it allows, and the dispatcher checks them against the caller the door established.
 */
import { z } from 'zod';

export const roles = ['inspector', 'leader', 'city', 'admin'] as const;
export type Role = (typeof roles)[number];
export const RoleSchema = z.enum(roles);

/** What a procedure allows: anyone (login, first start), any logged-in user, or these roles. */
export type Access = 'public' | 'signedIn' | readonly Role[];

/** The caller of a procedure, as its door established it; never taken from a call's input. */
export const ActorSchema = z.object({
  /** A user's id, or `cli:<os account>` for the command line. */
  userId: z.string(),
  name: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
});
export type Actor = z.infer<typeof ActorSchema>;

export function actorMayCall(actor: Actor, access: Access): boolean {
  if (access === 'public' || access === 'signedIn') return true;
  return access.some((role) => actor.roles.includes(role));
}

/** A user's login name: letters, digits, CJK, `.`, `_`, `-`; what people type at the login screen. */
export const UserNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}._-]+$/u, 'letters, digits, . _ - only');
export const DisplayNameSchema = z.string().trim().min(1).max(60);
/** Long enough to resist guessing on a stolen laptop, short enough to type. */
export const PasswordSchema = z.string().min(8, 'at least 8 characters').max(200);

/** Who fills in assessments: inspectors, and team leaders who assess themselves. */
export const assessors: readonly Role[] = ['inspector', 'leader'];
/** Who may register and edit units: the field teams and the city office. */
export const unitEditors: readonly Role[] = ['inspector', 'leader', 'city'];
