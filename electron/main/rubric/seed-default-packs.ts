/** Seeder: stores the shipped rubric packs when missing (idempotent; a stored pack is never replaced). */
import type { ContextSource } from '../context/domain-context';
import type { Seeder } from '../context/seeder';
import { defaultPacks } from './default-packs';
import { addPack } from './pack-store';

function missingPacks(source: ContextSource): unknown[] {
  const exists = source.db.prepare('SELECT 1 FROM rubric_packs WHERE ref = ?').pluck();
  return defaultPacks.filter((pack) => {
    const { id, version } = pack as { id: string; version: string };
    return exists.get(`${id}@${version}`) === undefined;
  });
}

export const defaultRubricPacksSeeder: Seeder = {
  missing: (source) => missingPacks(source).length > 0,
  seed(source) {
    // Every open checks; only a missing pack is validated, hashed and stored.
    for (const pack of missingPacks(source)) addPack(source.db, pack, 'default', source.workstation.id, source.now());
  },
};
