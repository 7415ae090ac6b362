/**
 * Which star pack is in force for a cycle: of the stored star packs that declare `inForceFrom`,
 * the one with the highest inForceFrom not after the cycle (the one added last on a tie); the
 * shipped default when none does. A city bundle brings new versions; this picks them up for the
 * cycles they declare, and older cycles keep theirs.
 */
import type { Database } from 'better-sqlite3';
import { defaultStarRubricRef } from './default-packs';

export function packInForce(db: Database, cycle: number): string {
  const ref = db
    .prepare(
      `SELECT ref FROM rubric_packs
       WHERE type = 'star' AND json_extract(body, '$.inForceFrom') <= ?
       ORDER BY json_extract(body, '$.inForceFrom') DESC, added_at DESC, rowid DESC LIMIT 1`,
    )
    .pluck()
    .get(cycle) as string | undefined;
  return ref ?? defaultStarRubricRef;
}
