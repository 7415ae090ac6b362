/**
 * Reference data every workstation needs (default rubric packs, the 15 districts), loaded
 * idempotently on open. Each domain adds its seeder here.
 */
import type { CoreServices } from './core-services';
import { seedDefaultRubricPacks } from './rubric/seed-default-packs';
import { seedDistricts } from './units/seed-districts';

type Seeder = (services: CoreServices) => void;

const seeders: Seeder[] = [seedDefaultRubricPacks, seedDistricts];

export function seedDatabase(services: CoreServices): void {
  services.db.transaction(() => {
    for (const seeder of seeders) seeder(services);
  })();
}
