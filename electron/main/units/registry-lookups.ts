/** The registry facts an import checks rows against, as prepared statements over one connection. */
import type { Database } from 'better-sqlite3';
import { createDistrictMatcher } from '@shared/domain/districts';
import type { DistrictRef } from '@shared/domain/districts';
import type { RegistryLookups } from './import/validate-rows';

export function loadDistrictRefs(db: Database): DistrictRef[] {
  return db.prepare('SELECT code, name, name_en AS nameEn FROM districts ORDER BY sort').all() as DistrictRef[];
}

export function registryLookups(db: Database): RegistryLookups {
  const matchDistrict = createDistrictMatcher(loadDistrictRefs(db));
  const byUscc = db.prepare('SELECT name, district_code AS districtCode FROM units WHERE uscc = ?');
  const byName = db.prepare('SELECT 1 FROM units WHERE district_code = ? AND name = ?').pluck();
  return {
    matchDistrict,
    unitByUscc: (uscc) => byUscc.get(uscc) as { name: string; districtCode: string } | undefined,
    unitExists: (districtCode, name) => byName.get(districtCode, name) !== undefined,
  };
}
