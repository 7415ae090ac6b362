/** The issuing body printed on plaques: per district when set, else the city default (docs/certificates.md). */
import type { Database } from 'better-sqlite3';
import { defaultAuthority } from '@shared/domain/certificate';

export function authorityFor(db: Database, districtCode: string): string {
  const row = db.prepare("SELECT authority FROM certificate_authorities WHERE district_code IN (?, '*') ORDER BY district_code = '*' LIMIT 1").get(districtCode) as { authority: string } | undefined;
  return row?.authority ?? defaultAuthority;
}

/** Sets (or with `null` clears) the issuing body of a district, or of every district with '*'. */
export function setAuthority(db: Database, districtCode: string, authority: string | null, now: Date): void {
  db.transaction(() => {
    if (authority === null) db.prepare('DELETE FROM certificate_authorities WHERE district_code = ?').run(districtCode);
    else db.prepare('INSERT OR REPLACE INTO certificate_authorities (district_code, authority, updated_at) VALUES (?, ?, ?)').run(districtCode, authority, now.toISOString());
  }).immediate();
}
