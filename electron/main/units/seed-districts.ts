/**
 * Seeder: the 15 districts of Wuhan. Inserts the ones missing and leaves existing rows alone,
 * because districts are editable reference data (a person may have renamed one).
 */
import { wuhanDistricts } from '@shared/domain/districts';
import type { Seeder } from '../context/seeder';

export const districtsSeeder: Seeder = {
  missing(source) {
    const present = source.db.prepare('SELECT code FROM districts').pluck().all() as string[];
    const codes = new Set(present);
    return wuhanDistricts.some((district) => !codes.has(district.code));
  },
  seed(source) {
    const insert = source.db.prepare(
      `INSERT INTO districts (code, name, name_en, kind, sort) VALUES (@code, @name, @nameEn, @kind, @sort)
       ON CONFLICT DO NOTHING`,
    );
    for (const district of wuhanDistricts) {
      insert.run({ code: district.code, name: district.name, nameEn: district.nameEn, kind: district.kind, sort: district.sort });
    }
  },
};
