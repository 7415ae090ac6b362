/** Seeder: stores the shipped rubric packs when missing (idempotent; a stored pack is never replaced). */
import type { CoreServices } from '../api/core-services';
import type { Seeder } from '../host/seed';
import { defaultPacks } from './default-packs';
import { addPack } from './pack-store';

function missingPacks(services: CoreServices): unknown[] {
  const exists = services.db.prepare('SELECT 1 FROM rubric_packs WHERE ref = ?').pluck();
  return defaultPacks.filter((pack) => {
    const { id, version } = pack as { id: string; version: string };
    return exists.get(`${id}@${version}`) === undefined;
  });
}

export const defaultRubricPacksSeeder: Seeder = {
  missing: (services) => missingPacks(services).length > 0,
  seed(services) {
    // Every open checks; only a missing pack is validated, hashed and stored.
    for (const pack of missingPacks(services)) addPack(services.db, pack, 'default', services.workstation.id, services.platform.now());
  },
};
