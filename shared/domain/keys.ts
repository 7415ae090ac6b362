/**
 * The workstation's keys as people see them: made once on purpose by an admin (or
 * `dingxing identity create`), protected by a passphrase that cannot be recovered, unlocked by a
 * team leader or an admin for the running app and locked again.
 */
import { z } from 'zod';

/** Long enough to resist guessing on a stolen laptop's database file; typed twice when set. */
export const KeyPassphraseSchema = z.string().min(10, 'at least 10 characters').max(200);

export const KeysStatusSchema = z.object({
  /** The keys exist (made by keys.create or `dingxing identity create`). */
  created: z.boolean(),
  createdAt: z.string().nullable(),
  fingerprint: z.string().nullable(),
  /** How the keys unlock: `passphrase`, `safeStorage` (the desktop's keychain). */
  methods: z.array(z.string()),
  /** Signing can go ahead now (unlocked by a person, or by the door without asking). */
  unlocked: z.boolean(),
  /** The door unlocks them by itself (the desktop's keychain, DINGXING_KEY_PASSPHRASE): nothing to unlock or lock by hand. */
  automatic: z.boolean(),
});
export type KeysStatus = z.infer<typeof KeysStatusSchema>;
