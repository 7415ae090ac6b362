/**
 * The city office's trust store of enrolled workstations (and, on a laptop, the city's key):
 * the one writer of trusted_workstations and workstation_districts. A workstation is enrolled
 * from its public identity file (`dingxing identity export`); its fingerprint is what two people
 * compare by phone. At enrollment the city office gives it a short code (inside its plaque
 * numbers) and records the districts it serves (its city bundles carry those districts'
 * registry). Revoking keeps the row, so a later bundle from it is refused with the date.
 */
import type crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DomainContext } from '../context/domain-context';
import { DxError } from '@shared/api/errors';
import type { TrustedWorkstation } from '@shared/api/procedures/bundles';
import { IdentityFileSchema } from '@shared/domain/identity-file';
import type { IdentityFile } from '@shared/domain/identity-file';
import { nextWorkstationCode } from '@shared/domain/workstation-code';
import { ed25519PublicKeyFromRaw, fingerprintOf } from '../crypto/identity';
import { prepared } from '../db/statements';

export { IdentityFileSchema };
export type { IdentityFile };


const select = `SELECT workstation_id AS workstationId, name, kind, ed25519_public_key AS ed25519PublicKey, fingerprint, enrolled_at AS enrolledAt,
  enrolled_by AS enrolledBy, revoked_at AS revokedAt, revoked_by AS revokedBy, revoke_reason AS revokeReason, code,
  (SELECT json_group_array(district_code) FROM (SELECT district_code FROM workstation_districts d WHERE d.workstation_id = t.workstation_id ORDER BY district_code)) AS districts
  FROM trusted_workstations t`;

type StoredEntry = Omit<TrustedWorkstation, 'districts'> & { districts: string };

function toEntry(row: StoredEntry): TrustedWorkstation {
  return { ...row, districts: JSON.parse(row.districts) as string[] };
}

/** The name people gave a workstation (this one's own, or as enrolled), else its id. */
export function workstationName(db: Database, id: string): string {
  const own = prepared(db, "SELECT value FROM meta WHERE key = 'workstation_id'").get() as { value: string } | undefined;
  if (own?.value === id) return (prepared(db, "SELECT value FROM meta WHERE key = 'workstation_name'").get() as { value: string } | undefined)?.value ?? id;
  return (prepared(db, 'SELECT name FROM trusted_workstations WHERE workstation_id = ?').get(id) as { name: string } | undefined)?.name ?? id;
}

export function listTrusted(db: Database): TrustedWorkstation[] {
  return (db.prepare(`${select} ORDER BY enrolled_at, workstation_id`).all() as StoredEntry[]).map(toEntry);
}

export function findTrusted(db: Database, workstationId: string): TrustedWorkstation | undefined {
  const row = db.prepare(`${select} WHERE workstation_id = ?`).get(workstationId) as StoredEntry | undefined;
  return row ? toEntry(row) : undefined;
}

/** The districts a workstation serves (this workstation's own, on a laptop, as the city's roster said). */
export function districtsServedBy(db: Database, workstationId: string): string[] {
  return db.prepare('SELECT district_code FROM workstation_districts WHERE workstation_id = ? ORDER BY district_code').pluck().all(workstationId) as string[];
}

/** Replaces the districts a workstation serves; the caller checked the codes and holds the transaction. */
export function setServedDistricts(db: Database, workstationId: string, districts: readonly string[]): void {
  db.prepare('DELETE FROM workstation_districts WHERE workstation_id = ?').run(workstationId);
  const insert = db.prepare('INSERT INTO workstation_districts (workstation_id, district_code) VALUES (?, ?)');
  for (const district of new Set(districts)) insert.run(workstationId, district);
}

/** Refuses, naming them, district codes or names that are not among the 15; returns the codes. */
export function checkDistrictCodes(db: Database, districts: readonly string[]): string[] {
  const known = db.prepare('SELECT code, name FROM districts').all() as { code: string; name: string }[];
  const byText = new Map<string, string>();
  for (const district of known) {
    byText.set(district.code, district.code);
    byText.set(district.name, district.code);
  }
  const unknown = districts.filter((text) => !byText.has(text.trim().toUpperCase()) && !byText.has(text.trim()));
  if (unknown.length > 0) {
    throw new DxError('BAD_INPUT', `未知的区：${unknown.join('、')}（应为武汉市 15 个区的代码，如 420102）(unknown district${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}; use the codes of Wuhan's 15 districts, e.g. 420102)`, {
      issues: unknown.map((text) => ({ path: ['districts', text], message: 'unknown district' })),
    });
  }
  return [...new Set(districts.map((text) => byText.get(text.trim().toUpperCase()) ?? (byText.get(text.trim()) as string)))].sort();
}

/** Parses an identity file's text; refuses naming the field at fault. */
export function parseIdentityFile(text: string, source: string): IdentityFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DxError('BAD_INPUT', `${source} 不是 JSON 格式的工作站身份文件 (${source} is not a JSON identity file)`);
  }
  const parsed = IdentityFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'format';
    throw new DxError('BAD_INPUT', `${source} 的 ${where} 有误：${issue?.message} (${source}: ${where} is wrong: ${issue?.message})`, { issues: parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], message: i.message })) });
  }
  try {
    ed25519PublicKeyFromRaw(Buffer.from(parsed.data.ed25519PublicKey, 'base64url'));
  } catch {
    throw new DxError('BAD_INPUT', `${source} 的公钥无效 (${source}: the public key is not a valid Ed25519 key)`);
  }
  if (parsed.data.fingerprint !== undefined && parsed.data.fingerprint !== fingerprintOf(parsed.data.ed25519PublicKey)) {
    throw new DxError('BAD_INPUT', `${source} 的指纹与公钥不符 (${source}: the fingerprint does not match the public key)`);
  }
  return parsed.data;
}

export interface EnrollOutcome {
  entry: TrustedWorkstation;
  created: boolean;
  /** An enrolled workstation's districts, given again, were other than it served. */
  districtsChanged: boolean;
}

/**
 * Enrolls (or re-enrolls after a revocation) a workstation, audited; the same key twice changes
 * nothing but the districts, when given (district codes or names, checked here). A workstation
 * gets its code once and keeps it.
 */
export function enroll(ctx: DomainContext, identity: IdentityFile, districts?: readonly string[]): EnrollOutcome {
  const { db } = ctx;
  if (identity.workstationId === ctx.workstation.id) throw new DxError('BAD_INPUT', '这是本工作站自己的身份，无需登记 (this is this workstation’s own identity; it needs no enrollment)');
  if (identity.kind === 'city' && districts !== undefined) throw new DxError('BAD_INPUT', `${identity.workstationName} 是市指挥部，不服务于区：登记它时不要指定区 (${identity.workstationName} is a city office; it serves no districts: enroll it without districts)`);
  const codes = districts === undefined ? undefined : checkDistrictCodes(db, districts);
  return db.transaction((): EnrollOutcome => {
    const existing = findTrusted(db, identity.workstationId);
    if (existing && existing.revokedAt === null) {
      if (existing.ed25519PublicKey === identity.ed25519PublicKey) {
        const districtsChanged = codes !== undefined && existing.kind === 'workstation' && [...new Set(codes)].sort().join() !== [...existing.districts].sort().join();
        if (districtsChanged) {
          setServedDistricts(db, identity.workstationId, codes);
          ctx.audit({ action: 'trust.districts', subject: identity.workstationId, data: { districts: codes } });
        }
        return { entry: findTrusted(db, identity.workstationId) as TrustedWorkstation, created: false, districtsChanged };
      }
      throw new DxError('CONFLICT', `工作站 ${identity.workstationId} 已以另一把密钥登记（指纹 ${existing.fingerprint}）；如确需更换，先撤销再登记 (workstation ${identity.workstationId} is enrolled with another key, fingerprint ${existing.fingerprint}; revoke it first to replace the key)`);
    }
    db.prepare(
      `INSERT OR REPLACE INTO trusted_workstations (workstation_id, name, kind, ed25519_public_key, certificate_pem, fingerprint, enrolled_at, enrolled_by, revoked_at, revoked_by, revoke_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`,
    ).run(identity.workstationId, identity.workstationName, identity.kind ?? 'workstation', identity.ed25519PublicKey, identity.certificatePem ?? null, fingerprintOf(identity.ed25519PublicKey), ctx.now().toISOString(), ctx.actor.userId);
    if ((identity.kind ?? 'workstation') === 'workstation') {
      const code = existing?.code ?? nextWorkstationCode(db.prepare('SELECT code FROM trusted_workstations WHERE code IS NOT NULL').pluck().all() as string[]);
      db.prepare('UPDATE trusted_workstations SET code = ? WHERE workstation_id = ?').run(code, identity.workstationId);
      if (codes !== undefined) setServedDistricts(db, identity.workstationId, codes);
    }
    const entry = findTrusted(db, identity.workstationId) as TrustedWorkstation;
    ctx.audit({ action: 'trust.add', subject: entry.workstationId, data: { fingerprint: entry.fingerprint, name: entry.name, ...(entry.kind === 'city' ? { kind: 'city' } : { code: entry.code, districts: entry.districts }) } });
    return { entry, created: true, districtsChanged: false };
  }).immediate();
}

/** Revokes an enrolled workstation, audited; revoking it again changes nothing. */
export function revokeTrust(ctx: DomainContext, workstationId: string, reason: string | null): TrustedWorkstation {
  const { db } = ctx;
  return db.transaction((): TrustedWorkstation => {
    const existing = findTrusted(db, workstationId);
    if (!existing) throw new DxError('NOT_FOUND', `信任库中没有工作站 ${workstationId} (no workstation ${workstationId} in the trust store)`);
    if (existing.revokedAt !== null) return existing;
    db.prepare('UPDATE trusted_workstations SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE workstation_id = ?').run(ctx.now().toISOString(), ctx.actor.userId, reason, workstationId);
    ctx.audit({ action: 'trust.revoke', subject: workstationId, data: { reason } });
    return findTrusted(db, workstationId) as TrustedWorkstation;
  }).immediate();
}

/** Sets the districts an enrolled workstation serves (codes or names; an empty list: none), audited. */
export function setDistricts(ctx: DomainContext, workstationId: string, districts: readonly string[]): TrustedWorkstation {
  const { db } = ctx;
  const codes = checkDistrictCodes(db, districts);
  return db.transaction((): TrustedWorkstation => {
    const entry = findTrusted(db, workstationId);
    if (!entry) throw new DxError('NOT_FOUND', `信任库中没有工作站 ${workstationId} (no workstation ${workstationId} in the trust store)`);
    if (entry.kind !== 'workstation') throw new DxError('BAD_INPUT', `${entry.name} 是市指挥部，不服务于区 (${entry.name} is a city office; it serves no districts)`);
    setServedDistricts(db, workstationId, codes);
    ctx.audit({ action: 'trust.districts', subject: workstationId, data: { districts: codes } });
    return findTrusted(db, workstationId) as TrustedWorkstation;
  }).immediate();
}

/** The key a bundle from this source must be signed with: this workstation's own, or an enrolled one. */
export function keyForBundle(db: Database, workstationId: string): { key: crypto.KeyObject; raw: string; entry: TrustedWorkstation | null } | { refusedBecause: 'unknown' } | { refusedBecause: 'revoked'; entry: TrustedWorkstation } {
  const own = db.prepare('SELECT ed25519_public_key FROM workstation_keys WHERE workstation_id = ?').pluck().get(workstationId) as string | undefined;
  if (own) return { key: ed25519PublicKeyFromRaw(Buffer.from(own, 'base64url')), raw: own, entry: null };
  const entry = findTrusted(db, workstationId);
  if (!entry) return { refusedBecause: 'unknown' };
  if (entry.revokedAt !== null) return { refusedBecause: 'revoked', entry };
  return { key: ed25519PublicKeyFromRaw(Buffer.from(entry.ed25519PublicKey, 'base64url')), raw: entry.ed25519PublicKey, entry };
}

/** One entry of the city office's trust store as a city bundle carries it (records/trust_roster.jsonl). */
export interface RosterEntry {
  workstationId: string;
  name: string;
  ed25519PublicKey: string;
  certificatePem: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  /** Absent in city bundles from before the registry travelled. */
  code?: string | null;
  districts?: string[];
}

export type RosterOutcome = 'added' | 'revoked' | 'unchanged' | 'keyDiffers';

/** What adopting the city's entry would do here (read only: for verifying before writing). */
export function rosterOutcome(db: Database, entry: RosterEntry, ownWorkstationId: string): RosterOutcome {
  if (entry.workstationId === ownWorkstationId) return 'unchanged';
  const local = findTrusted(db, entry.workstationId);
  if (!local) return 'added';
  if (local.ed25519PublicKey !== entry.ed25519PublicKey) return local.revokedAt === null ? 'keyDiffers' : 'added';
  return entry.revokedAt !== null && local.revokedAt === null ? 'revoked' : 'unchanged';
}

/**
 * Adopts an entry of the city office's roster on a laptop (inside the import's transaction): a
 * workstation enrolled there is trusted here too (its certificates verify), one revoked there is
 * revoked here. A key differing from one enrolled here and not revoked is never replaced: the
 * caller refuses the bundle on `keyDiffers` before calling this.
 */
export function adoptRosterEntry(db: Database, entry: RosterEntry, ownWorkstationId: string, cityWorkstationId: string, now: Date): RosterOutcome {
  const outcome = rosterOutcome(db, entry, ownWorkstationId);
  const by = `city:${cityWorkstationId}`;
  // Which districts the other laptops serve: who may be planned where, who else works a district.
  if (entry.districts !== undefined && entry.workstationId !== ownWorkstationId) setServedDistricts(db, entry.workstationId, entry.districts);
  if (outcome === 'added') {
    db.prepare(
      `INSERT OR REPLACE INTO trusted_workstations (workstation_id, name, kind, ed25519_public_key, certificate_pem, fingerprint, enrolled_at, enrolled_by, revoked_at, revoked_by, revoke_reason)
       VALUES (?, ?, 'workstation', ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(entry.workstationId, entry.name, entry.ed25519PublicKey, entry.certificatePem, fingerprintOf(entry.ed25519PublicKey), now.toISOString(), by, entry.revokedAt, entry.revokedAt === null ? null : by, entry.revokeReason);
  } else if (outcome === 'revoked') {
    db.prepare('UPDATE trusted_workstations SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE workstation_id = ?').run(entry.revokedAt, by, entry.revokeReason, entry.workstationId);
  }
  return outcome;
}

/** The enrolled workstations (not city offices), with their certificates, codes and districts: what a city bundle carries. */
export function rosterOf(db: Database): (RosterEntry & { fingerprint: string; enrolledAt: string; code: string | null; districts: string[] })[] {
  const rows = db
    .prepare(
      `SELECT workstation_id AS workstationId, name, ed25519_public_key AS ed25519PublicKey, certificate_pem AS certificatePem, fingerprint, enrolled_at AS enrolledAt,
              revoked_at AS revokedAt, revoke_reason AS revokeReason, code,
              (SELECT json_group_array(district_code) FROM (SELECT district_code FROM workstation_districts d WHERE d.workstation_id = t.workstation_id ORDER BY district_code)) AS districts
       FROM trusted_workstations t WHERE kind = 'workstation' ORDER BY enrolled_at, workstation_id`,
    )
    .all() as (RosterEntry & { fingerprint: string; enrolledAt: string; code: string | null; districts: string })[];
  return rows.map((row) => ({ ...row, districts: JSON.parse(row.districts) as string[] }));
}

/** The districts the enrolled, trusted workstations serve together: what a city bundle carries the registry of. */
export function districtsOfEnrolled(db: Database): string[] {
  return db
    .prepare("SELECT DISTINCT d.district_code FROM workstation_districts d JOIN trusted_workstations t ON t.workstation_id = d.workstation_id WHERE t.kind = 'workstation' AND t.revoked_at IS NULL ORDER BY 1")
    .pluck()
    .all() as string[];
}
