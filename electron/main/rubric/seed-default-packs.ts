/** Seeder: stores the shipped rubric packs when missing (idempotent; a stored pack is never replaced). */
import type { CoreServices } from '../core-services';
import { defaultPacks } from './default-packs';
import { addPack } from './pack-store';

export function seedDefaultRubricPacks(services: CoreServices): void {
  const exists = services.db.prepare('SELECT 1 FROM rubric_packs WHERE ref = ?').pluck();
  for (const pack of defaultPacks) {
    // Every open seeds; skip the validation and hashing when the pack is already there.
    const { id, version } = pack as { id: string; version: string };
    if (exists.get(`${id}@${version}`) === undefined) addPack(services.db, pack, 'default', services.workstation.id);
  }
}
