/**
 * The command line acts with the rights of the operating-system account that can open the
 * database file: that account could edit the file anyway, so a password would protect nothing.
 * It is recorded as `cli:<account>` in everything it changes.
 */
import os from 'node:os';
import { roles } from '@shared/domain/roles';
import type { Actor } from '@shared/domain/roles';

export function cliActor(): Actor {
  let account: string;
  try {
    account = os.userInfo().username;
  } catch {
    account = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
  return { userId: `cli:${account}`, name: `cli:${account}`, displayName: `cli:${account}`, roles: [...roles] };
}
