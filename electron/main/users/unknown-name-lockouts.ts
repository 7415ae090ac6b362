/**
 * Wrong logins under names that belong to nobody, counted in memory only (never written to the
 * database, and gone when the process ends), so that five of them lock the name for 15 minutes
 * exactly as they lock a real account: the answer alone cannot tell a locked account from an
 * unknown name. Names are kept as salted hashes, and only the most recent few thousand.
 */
import { createHash, randomBytes } from 'node:crypto';

interface Strikes {
  failed: number;
  lockedUntil: number | null;
}

/** Enough for any real guessing at one workstation; older names are forgotten first. */
const maxNames = 5000;

export class UnknownNameLockouts {
  private readonly byName = new Map<string, Strikes>();
  private readonly salt = randomBytes(16);

  private key(name: string): string {
    return createHash('sha256').update(this.salt).update(name.trim().toLowerCase()).digest('base64url');
  }

  /** When the name is locked at `now` (ms), the end of its lock; else null. */
  lockedUntil(name: string, now: number): number | null {
    const strikes = this.byName.get(this.key(name));
    return strikes?.lockedUntil != null && strikes.lockedUntil > now ? strikes.lockedUntil : null;
  }

  /** Counts a wrong login; the `limit`-th in a row locks the name until `lockUntil`. */
  recordFailure(name: string, limit: number, lockUntil: number): void {
    const key = this.key(name);
    const strikes = this.byName.get(key) ?? { failed: 0, lockedUntil: null };
    this.byName.delete(key);
    strikes.failed += 1;
    if (strikes.failed >= limit) {
      strikes.failed = 0;
      strikes.lockedUntil = lockUntil;
    }
    this.byName.set(key, strikes);
    if (this.byName.size > maxNames) this.byName.delete(this.byName.keys().next().value as string);
  }
}
