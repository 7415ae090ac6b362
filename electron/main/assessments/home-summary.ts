/**
 * The home page's numbers: units by stars and by district, drafts to finish, rectifications due.
 * Counts come from indexes (units by scope, district, kind and stars; open assessments by
 * status; rectifications by status and due date), so the page answers in milliseconds at a city
 * office's 100,000 units as on a laptop.
 */
import type { HomeSummary } from '@shared/api/procedures/assessments';
import type { ReadContext } from '../context/domain-context';
import { localDate } from '../context/local-date';
import { firstDue } from './rectifications';
import { countOpen, listOpen } from './repository';
import { prepared } from '../db/statements';

export function homeSummary(ctx: ReadContext): HomeSummary {
  const db = ctx.db;
  const today = localDate(ctx.now());
  const units = (prepared(db, 'SELECT count(*) AS n FROM units').get() as { n: number }).n;
  // In index order (in_scope, district, kind, stars): no sort, a few hundred groups summed here.
  const groups = prepared(db, 'SELECT district_code AS district, current_stars AS stars, count(*) AS units FROM units WHERE in_scope = 1 GROUP BY district_code, kind, current_stars').all() as { district: string; stars: number; units: number }[];
  const byStars = [0, 1, 2, 3, 4, 5].map((stars) => ({ stars, units: 0 }));
  const inDistrict = new Map<string, { units: number; starred: number }>();
  for (const group of groups) {
    const counts = byStars[group.stars];
    if (counts) counts.units += group.units;
    const district = inDistrict.get(group.district) ?? { units: 0, starred: 0 };
    district.units += group.units;
    if (group.stars >= 1) district.starred += group.units;
    inDistrict.set(group.district, district);
  }
  const districts = prepared(db, 'SELECT code, name FROM districts ORDER BY sort').all() as { code: string; name: string }[];
  const byDistrict = districts.map((district) => ({ code: district.code, name: district.name, ...(inDistrict.get(district.code) ?? { units: 0, starred: 0 }) }));
  const due = firstDue(ctx, today, 14, 20);
  return {
    units,
    inScopeUnits: byStars.reduce((sum, entry) => sum + entry.units, 0),
    byStars,
    byDistrict,
    drafts: listOpen(db, 20),
    awaitingSignature: countOpen(db).submitted,
    rectificationsDue: due.first,
    rectificationsOverdue: due.overdueCount,
    today,
  };
}
