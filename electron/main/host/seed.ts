/**
 * Reference data every workstation needs (default rubric packs, the 15 districts), loaded
 * idempotently on open. Each domain adds its seeder here.
 *
 * Every door opens the database, often while another process writes to it, so seeding first
 * only reads; the write transaction (BEGIN IMMEDIATE, which waits its turn under the busy
 * timeout) is taken only when something is actually missing.
 */
import type { CoreServices } from '../api/core-services';
import { defaultRubricPacksSeeder } from '../rubric/seed-default-packs';
import { districtsSeeder } from '../units/seed-districts';

export interface Seeder {
  /** True when some of this seeder's rows are missing (a read, no lock taken). */
  missing(services: CoreServices): boolean;
  /** Writes the missing rows; runs inside the caller's write transaction. */
  seed(services: CoreServices): void;
}

const seeders: Seeder[] = [defaultRubricPacksSeeder, districtsSeeder];

/** Returns whether anything was written. */
export function seedDatabase(services: CoreServices): boolean {
  if (!seeders.some((seeder) => seeder.missing(services))) return false;
  services.db
    .transaction(() => {
      // Checked again inside the lock: another process may have seeded in between.
      for (const seeder of seeders) if (seeder.missing(services)) seeder.seed(services);
    })
    .immediate();
  return true;
}
