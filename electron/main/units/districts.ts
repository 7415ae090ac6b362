/** The districts the registry knows (seeded, editable reference data), in their display order. */
import type { Database } from 'better-sqlite3';
import type { DistrictRef } from '@shared/domain/districts';

export function loadDistrictRefs(db: Database): DistrictRef[] {
  return db.prepare('SELECT code, name, name_en AS nameEn FROM districts ORDER BY sort').all() as DistrictRef[];
}
