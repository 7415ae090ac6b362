/**
 * Reference data every workstation needs (default rubric packs, the 15 districts), loaded
 * idempotently on open. Each domain adds its seeder (context/seeder.ts) here.
 *
 * Every door opens the database, often while another process writes to it, so seeding first
 * only reads; the write transaction (BEGIN IMMEDIATE, which waits its turn under the busy
 * timeout) is taken only when something is actually missing.
 */
import type { CoreServices } from '../api/core-services';
import type { ContextSource } from '../context/domain-context';
import type { Seeder } from '../context/seeder';
import { defaultRubricPacksSeeder } from '../rubric/seed-default-packs';
import { districtsSeeder } from '../units/seed-districts';

const seeders: Seeder[] = [defaultRubricPacksSeeder, districtsSeeder];

/** Returns whether anything was written. */
export function seedDatabase(services: CoreServices): boolean {
  const source: ContextSource = { db: services.db, workstation: services.workstation, now: () => services.platform.now() };
  if (!seeders.some((seeder) => seeder.missing(source))) return false;
  services.db
    .transaction(() => {
      // Checked again inside the lock: another process may have seeded in between.
      for (const seeder of seeders) if (seeder.missing(source)) seeder.seed(source);
    })
    .immediate();
  return true;
}
