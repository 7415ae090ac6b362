/**
 * The rubric packs of this workstation's database: add (validated, immutable: the same ref
 * with another sha256 is refused, the same pack again changes nothing), list and load.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { canonicalJson } from '@shared/rubric/canonical';
import { packRef } from '@shared/rubric/pack-ref';
import { parseRubricPack } from '@shared/rubric/parse-pack';
import type { RubricPack } from '@shared/rubric/parse-pack';
import type { LoadedPack, LoadedStarPack } from './loaded-pack';
import { packSha256 } from './pack-sha';

export type PackOrigin = 'default' | 'import' | 'bundle';

export interface PackSummary {
  ref: string;
  id: string;
  version: string;
  type: 'star' | 'ding';
  sha256: string;
  title: { zh: string; en: string };
  origin: PackOrigin;
  addedAt: string;
}

interface PackRow {
  ref: string;
  pack_id: string;
  version: string;
  type: 'star' | 'ding';
  sha256: string;
  body: string;
  title_zh: string;
  title_en: string;
  origin: PackOrigin;
  added_at: string;
}

/** Validates untrusted JSON as a pack; refuses with every problem and its JSON path. */
export function validatePackJson(json: unknown): { pack: RubricPack; ref: string; sha256: string } {
  const parsed = parseRubricPack(json);
  if (!parsed.ok) {
    throw new DxError('BAD_INPUT', `The rubric pack is not valid (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'})`, {
      issues: parsed.issues,
    });
  }
  return { pack: parsed.pack, ref: packRef(parsed.pack), sha256: packSha256(parsed.pack) };
}

export interface AddResult {
  ref: string;
  sha256: string;
  type: 'star' | 'ding';
  added: boolean;
}

export function addPack(db: Database, json: unknown, origin: PackOrigin, workstationId: string, now: Date): AddResult {
  const { pack, ref, sha256 } = validatePackJson(json);
  const existing = db.prepare('SELECT sha256 FROM rubric_packs WHERE ref = ?').pluck().get(ref) as string | undefined;
  if (existing !== undefined) {
    if (existing === sha256) return { ref, sha256, type: pack.type, added: false };
    throw new DxError('CONFLICT', `Rubric pack ${ref} is already stored with different content (sha256 ${existing.slice(0, 12)}…); a changed pack needs a new version`, {
      ref,
      storedSha256: existing,
      offeredSha256: sha256,
    });
  }
  db.prepare(
    `INSERT INTO rubric_packs (ref, pack_id, version, type, sha256, body, title_zh, title_en, origin, workstation_id, added_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(ref, pack.id, pack.version, pack.type, sha256, canonicalJson(pack), pack.title.zh, pack.title.en, origin, workstationId, now.toISOString());
  return { ref, sha256, type: pack.type, added: true };
}

function toSummary(row: Omit<PackRow, 'body'>): PackSummary {
  return {
    ref: row.ref,
    id: row.pack_id,
    version: row.version,
    type: row.type,
    sha256: row.sha256,
    title: { zh: row.title_zh, en: row.title_en },
    origin: row.origin,
    addedAt: row.added_at,
  };
}

export function listPacks(db: Database): PackSummary[] {
  const rows = db
    .prepare('SELECT ref, pack_id, version, type, sha256, title_zh, title_en, origin, added_at FROM rubric_packs ORDER BY type DESC, pack_id, version')
    .all() as Omit<PackRow, 'body'>[];
  return rows.map(toSummary);
}

// Parsed packs by sha256: a stored pack never changes, so neither does its parse (and the
// engine's compiled plan, cached per loaded object, survives across calls).
const loadedBySha = new Map<string, LoadedPack>();

export function findPack(db: Database, ref: string): (LoadedPack & { summary: PackSummary }) | undefined {
  const row = db.prepare('SELECT * FROM rubric_packs WHERE ref = ?').get(ref) as PackRow | undefined;
  if (row === undefined) return undefined;
  let loaded = loadedBySha.get(row.sha256);
  if (loaded === undefined) {
    const parsed = parseRubricPack(JSON.parse(row.body));
    if (!parsed.ok) throw new DxError('INTERNAL', `Stored rubric pack ${ref} no longer validates`, { issues: parsed.issues });
    loaded = { ref, sha256: row.sha256, pack: parsed.pack } as LoadedPack;
    loadedBySha.set(row.sha256, loaded);
  }
  return { ...loaded, summary: toSummary(row) } as LoadedPack & { summary: PackSummary };
}

/** The star pack named `ref`, or NOT_FOUND naming it. */
export function getRubricPack(db: Database, ref: string): LoadedStarPack {
  const found = findPack(db, ref);
  if (found === undefined) {
    throw new DxError('NOT_FOUND', `Rubric pack ${ref} is not in this database (see "dingxing rubric list"; add one with "dingxing rubric import FILE")`, { ref });
  }
  if (found.pack.type !== 'star') throw new DxError('BAD_INPUT', `Rubric pack ${ref} is a ${found.pack.type} pack, not a star pack`, { ref });
  return { ref: found.ref, sha256: found.sha256, pack: found.pack };
}
