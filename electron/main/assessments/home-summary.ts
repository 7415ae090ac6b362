/** The home page's numbers: units by stars and by district, drafts to finish, rectifications due. */
import type { HomeSummary } from '@shared/api/procedures/assessments';
import type { ReadContext } from '../context/domain-context';
import { localDate } from '../context/local-date';
import { listDue } from './rectifications';
import { countOpen, listOpen } from './repository';

export function homeSummary(ctx: ReadContext): HomeSummary {
  const db = ctx.db;
  const today = localDate(ctx.now());
  const units = db.prepare('SELECT count(*) FROM units').pluck().get() as number;
  const inScopeUnits = db.prepare('SELECT count(*) FROM units WHERE in_scope = 1').pluck().get() as number;
  const starRows = db.prepare('SELECT current_stars AS stars, count(*) AS units FROM units WHERE in_scope = 1 GROUP BY current_stars').all() as { stars: number; units: number }[];
  const byStars = [0, 1, 2, 3, 4, 5].map((stars) => ({ stars, units: starRows.find((row) => row.stars === stars)?.units ?? 0 }));
  const byDistrict = db
    .prepare(
      `SELECT d.code, d.name, count(u.id) AS units, coalesce(sum(u.current_stars >= 1), 0) AS starred
         FROM districts d LEFT JOIN units u ON u.district_code = d.code AND u.in_scope = 1
        GROUP BY d.code ORDER BY d.sort`,
    )
    .all() as HomeSummary['byDistrict'];
  const due = listDue(ctx, today, 14);
  return {
    units,
    inScopeUnits,
    byStars,
    byDistrict,
    drafts: listOpen(db, 20),
    awaitingSignature: countOpen(db).submitted,
    rectificationsDue: [...due.overdue, ...due.due].slice(0, 20),
    rectificationsOverdue: due.overdue.length,
    today,
  };
}
