/**
 * A laptop's import of the city office's bundle, beside the district inputs the merge handles:
 * rubric pack versions (each validated again and its sha256 recomputed; an id@version here with
 * other content refuses the bundle, naming it), the trust roster, revocation notices and this
 * laptop's receipts. `verifyCityParts` checks everything before the transaction; `applyCityParts`
 * writes inside it, through each table's one writer.
 */
import type { Database } from 'better-sqlite3';
import { ImportReportSchema } from '@shared/bundle/report';
import type { ImportReport } from '@shared/bundle/report';
import type { RevocationCause } from '@shared/domain/certificate';
import { ed25519PublicKeyFromRaw, fingerprintOf } from '../crypto/identity';
import { addPack, validatePackJson } from '../rubric/pack-store';
import { keepReceipt } from './receipt-store';
import { refuse } from './refusal';
import { keepNotice } from '../certificates/revocation-notices';
import type { RevocationNotice } from '../certificates/revocation-notices';
import { adoptRosterEntry, rosterOutcome } from '../trust/trust-store';
import type { RosterEntry } from '../trust/trust-store';
import type { BundleLine, VerifiedBundle } from './verify-bundle';
import { adoptVerificationAddress } from '../workstation/workstation';

export interface CityParts {
  packs: { ref: string; json: unknown; isNew: boolean }[];
  roster: RosterEntry[];
  notices: RevocationNotice[];
  /** This laptop's receipts only: the city bundle carries every laptop's. */
  receipts: { line: BundleLine; report: ImportReport }[];
  /** The city office's verification address, when the bundle carries one (null: cleared there). */
  verificationAddress: { address: string | null; setAt: string } | null;
}

function linesOf(bundle: VerifiedBundle, table: 'rubric_packs' | 'trust_roster' | 'revocation_notices' | 'receipts' | 'city_settings'): BundleLine[] {
  return bundle.records.get(table) ?? [];
}

function verifyPack(db: Database, line: BundleLine, where: string): CityParts['packs'][number] {
  let json: unknown;
  try {
    json = JSON.parse(line.body as string);
  } catch {
    refuse(where, `评分标准 ${line.id} 的内容不是有效的 JSON`, `rubric pack ${line.id}: the body is not valid JSON`);
  }
  let checked: ReturnType<typeof validatePackJson>;
  try {
    checked = validatePackJson(json);
  } catch (error) {
    const issue = (error as { details?: { issues?: { path: (string | number)[]; message: string }[] } }).details?.issues?.[0];
    const field = issue ? issue.path.join('.') || '(pack)' : '(pack)';
    return refuse(where, `评分标准 ${line.id} 未通过校验：${field} 有误`, `rubric pack ${line.id} does not validate: ${field}: ${issue?.message ?? 'invalid'}`);
  }
  if (checked.ref !== line.id) refuse(where, `评分标准的名称 ${checked.ref} 与记录的 ${line.id} 不符`, `the pack is ${checked.ref}, the line names ${line.id}`);
  if (checked.pack.type !== line.type) refuse(where, `评分标准 ${line.id} 的类型与记录不符`, `rubric pack ${line.id}: its type differs from the line's`);
  if (checked.sha256 !== line.sha256) refuse(where, `评分标准 ${line.id} 的 sha256 与内容不符：内容被改动过`, `rubric pack ${line.id}: the sha256 does not match its content; it was altered`);
  const stored = db.prepare('SELECT sha256 FROM rubric_packs WHERE ref = ?').pluck().get(checked.ref) as string | undefined;
  if (stored !== undefined && stored !== checked.sha256) {
    refuse(where, `评分标准 ${checked.ref} 在本机已存在且内容不同：同一版本不能被替换，改动须发布为新版本`, `rubric pack ${checked.ref} is here with different content; a version is never replaced, a change needs a new version`);
  }
  return { ref: checked.ref, json, isNew: stored === undefined };
}

function verifyRosterLine(db: Database, line: BundleLine, where: string, ownWorkstationId: string): RosterEntry {
  const key = line.ed25519_public_key as string;
  try {
    ed25519PublicKeyFromRaw(Buffer.from(key, 'base64url'));
  } catch {
    refuse(where, `工作站 ${line.id} 的公钥无效`, `workstation ${line.id}: the public key is not a valid Ed25519 key`);
  }
  if (fingerprintOf(key) !== line.fingerprint) refuse(where, `工作站 ${line.id} 的指纹与公钥不符`, `workstation ${line.id}: the fingerprint does not match the key`);
  const entry: RosterEntry = {
    workstationId: line.id, name: line.name as string, ed25519PublicKey: key, certificatePem: line.certificate_pem as string | null, revokedAt: line.revoked_at as string | null, revokeReason: line.revoke_reason as string | null,
    ...(line.districts !== undefined ? { districts: line.districts as string[] } : {}),
  };
  if (rosterOutcome(db, entry, ownWorkstationId) === 'keyDiffers') {
    refuse(where, `工作站 ${line.id} 在本机以另一把密钥登记：市指挥部名册中的密钥不同，未替换。请与市指挥部核对指纹`, `workstation ${line.id} is enrolled here with another key than the city office’s roster; it was not replaced. Compare fingerprints with the city office`);
  }
  return entry;
}

function noticeOf(line: BundleLine): RevocationNotice {
  return {
    id: line.id, certificateId: line.certificate_id as string, certificateNumber: line.certificate_number as string, issuerWorkstationId: line.issuer_workstation_id as string,
    cause: line.cause as RevocationCause, reason: line.reason as string, revokedOn: line.revoked_on as string, revokedBy: line.revoked_by as string, createdAt: line.created_at as string,
  };
}

function verifyReceipt(line: BundleLine, where: string): ImportReport {
  let json: unknown;
  try {
    json = JSON.parse(line.report as string);
  } catch {
    refuse(where, '回执的导入报告不是有效的 JSON', 'the receipt’s report is not valid JSON');
  }
  const parsed = ImportReportSchema.safeParse(json);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || '(report)';
    refuse(where, `回执的导入报告字段 ${field} 有误`, `the receipt’s report: field ${field} is wrong`);
  }
  if (parsed.data.importId !== line.id || parsed.data.status !== line.status) refuse(where, '回执与其导入报告不符', 'the receipt does not match its report');
  return parsed.data;
}

/** Everything checked, nothing written. */
export function verifyCityParts(db: Database, bundle: VerifiedBundle, ownWorkstationId: string): CityParts {
  const packs = linesOf(bundle, 'rubric_packs').map((line, index) => verifyPack(db, line, `records/rubric_packs.jsonl:${index + 1}`));
  const roster = linesOf(bundle, 'trust_roster')
    .map((line, index) => ({ line, where: `records/trust_roster.jsonl:${index + 1}` }))
    .filter(({ line }) => line.kind === 'workstation')
    .map(({ line, where }) => verifyRosterLine(db, line, where, ownWorkstationId));
  const notices = linesOf(bundle, 'revocation_notices').map(noticeOf);
  const receipts = linesOf(bundle, 'receipts')
    .map((line, index) => ({ line, report: verifyReceipt(line, `records/receipts.jsonl:${index + 1}`) }))
    .filter(({ line }) => line.workstation_id === ownWorkstationId);
  const setting = linesOf(bundle, 'city_settings').find((line) => line.id === 'verification_address');
  const verificationAddress = setting ? { address: (setting.value as string | null) ?? null, setAt: setting.set_at as string } : null;
  return { packs, roster, notices, receipts, verificationAddress };
}

export interface CityOutcome {
  added: Record<string, number>;
  updated: Record<string, number>;
  alreadyPresent: Record<string, number>;
}

/** Writes the verified parts; call inside the import's transaction. */
export function applyCityParts(db: Database, parts: CityParts, context: { ownWorkstationId: string; cityWorkstationId: string; bundleId: string; now: Date }): CityOutcome {
  const outcome: CityOutcome = { added: {}, updated: {}, alreadyPresent: {} };
  const count = (kind: keyof CityOutcome, table: string) => {
    outcome[kind][table] = (outcome[kind][table] ?? 0) + 1;
  };
  for (const pack of parts.packs) count(addPack(db, pack.json, 'bundle', context.cityWorkstationId, context.now).added ? 'added' : 'alreadyPresent', 'rubric_packs');
  for (const entry of parts.roster) {
    const result = adoptRosterEntry(db, entry, context.ownWorkstationId, context.cityWorkstationId, context.now);
    count(result === 'added' ? 'added' : result === 'revoked' ? 'updated' : 'alreadyPresent', 'trust_roster');
  }
  const at = context.now.toISOString();
  for (const notice of parts.notices) count(keepNotice(db, notice, context.cityWorkstationId, at) ? 'added' : 'alreadyPresent', 'revocation_notices');
  for (const { line, report } of parts.receipts) {
    const kept = keepReceipt(db, {
      id: line.id, cityWorkstationId: context.cityWorkstationId, bundleId: line.bundle_id as string | null, sequence: line.sequence as number | null, status: line.status as 'imported' | 'refused',
      report, importedAt: line.imported_at as string, receivedIn: context.bundleId, receivedAt: at,
    });
    count(kept ? 'added' : 'alreadyPresent', 'receipts');
  }
  if (parts.verificationAddress) {
    const { address, setAt } = parts.verificationAddress;
    count(adoptVerificationAddress(db, address, setAt) ? 'updated' : 'alreadyPresent', 'city_settings');
  }
  return outcome;
}
