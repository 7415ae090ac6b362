/**
 * Certificate rows arriving in a bundle are held to their own signed QR payload before anything
 * is written: the payload's signature must verify with the issuing workstation's key (the bundle's
 * source, or a workstation enrolled here), and the row's number, unit, code, stars, cycle, dates and
 * workstation must be exactly what the payload says; its district and sequence what the signed
 * number says; its stars and cycle what its signed assessment (in the bundle or held) awarded. A
 * row with its stars changed, or a made-up
 * signature, refuses the bundle naming the line. Cheap per row: the expected payload bytes are
 * built from the row and compared with the signed ones (JSON is parsed only to name a mismatch),
 * and each row costs one Ed25519 verification in node:crypto, once: a row already stored here
 * with the very same QR text (the same bundle again, a full export) was verified when it came.
 */
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { qrPrefix } from '@shared/domain/certificate';
import { ed25519PublicKeyFromRaw } from '../crypto/identity';
import { findTrustedWorkstation } from '../certificates/trusted-workstations';
import { refuse } from './refusal';
import type { BundleLine, VerifiedBundle } from './verify-bundle';

/** The payload a row stands for, in the key order the issuer signs (certificates/issue.ts). */
function expectedPayload(line: BundleLine): Record<string, unknown> {
  return { n: line.number, u: line.unit_name, c: line.uscc ?? line.unit_id, s: line.stars, y: line.cycle, i: line.issued_on, e: line.valid_until, w: line.workstation_id };
}

/** The number's own district and sequence (`WH-<cycle>-<district>-<code?><sequence>`) against the row's columns. */
function numberContradiction(line: BundleLine): { column: string; says: string } | null {
  const match = /^WH-(\d{4})-([0-9A-Z]+)-([A-Z]*)(\d{4,})$/.exec(String(line.number));
  if (!match) return { column: 'number', says: 'WH-<cycle>-<district>-<sequence>' };
  const [, cycle, district, code, digits] = match as unknown as [string, string, string, string, string];
  if (Number(cycle) !== line.cycle) return { column: 'cycle', says: cycle };
  if (district !== String(line.district_code).toUpperCase()) return { column: 'district_code', says: district };
  if (Number(digits) !== line.sequence || (code === '' && digits.length !== 6)) return { column: 'sequence', says: String(Number(digits)) };
  return null;
}

const columnOf: Record<string, string> = { n: 'number', u: 'unit_name', c: 'uscc / unit_id', s: 'stars', y: 'cycle', i: 'issued_on', e: 'valid_until', w: 'workstation_id' };

export function checkCertificateRows(db: Database, bundle: VerifiedBundle): void {
  const lines = bundle.records.get('certificates') ?? [];
  if (lines.length === 0) return;
  const source = bundle.manifest.source;
  const keys = new Map<string, crypto.KeyObject | null>([[source.workstationId, ed25519PublicKeyFromRaw(Buffer.from(source.ed25519PublicKey, 'base64url'))]]);
  const keyOf = (workstationId: string) => {
    if (!keys.has(workstationId)) keys.set(workstationId, findTrustedWorkstation(db, workstationId)?.ed25519PublicKey ?? null);
    return keys.get(workstationId) ?? null;
  };
  // Read for all the rows at once, in two statements instead of two a row.
  const stored = new Map(db.prepare('SELECT id, qr_payload FROM certificates WHERE id IN (SELECT value FROM json_each(?))').raw().all(JSON.stringify(lines.map((line) => line.id))) as [string, string][]);
  // What the certificate's assessment awarded: the bundle's signed row, else the one held here.
  type Award = { cycle: unknown; awarded_stars: unknown; status: unknown };
  const bundled = new Map<string, Award>((bundle.records.get('assessments') ?? []).map((line) => [line.id, { cycle: line.cycle, awarded_stars: line.awarded_stars, status: line.status }]));
  const heldIds = lines.map((line) => String(line.assessment_id)).filter((id) => !bundled.has(id));
  const held = db.prepare('SELECT id, cycle, awarded_stars, status FROM assessments WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(heldIds)) as (Award & { id: string })[];
  const heldAwards = new Map(held.map((row) => [row.id, row]));
  const awardOf = (id: string): Award | undefined => bundled.get(id) ?? heldAwards.get(id);
  lines.forEach((line, index) => {
    const where = `records/certificates.jsonl:${index + 1}`;
    const number = String(line.number);
    const numbered = numberContradiction(line);
    if (numbered) {
      refuse(where, `证书 ${number} 的 ${numbered.column} 与其签名的证书编号不符（编号中为 ${numbered.says}）`, `certificate ${number}: its ${numbered.column} contradicts its signed number (the number says ${numbered.says})`);
    }
    const parts = String(line.qr_payload).split('.');
    const payloadBytes = parts.length === 3 && parts[0] === qrPrefix ? Buffer.from(parts[1]!, 'base64url') : null;
    const signature = parts.length === 3 ? Buffer.from(parts[2]!, 'base64url') : null;
    if (!payloadBytes || !signature || payloadBytes.toString('base64url') !== parts[1] || signature.length !== 64 || signature.toString('base64url') !== parts[2]) {
      refuse(where, `证书 ${number} 的二维码内容不是 DX1 格式`, `certificate ${number}: its qr_payload is not a DX1 text`);
    }
    const expected = expectedPayload(line);
    if (!payloadBytes.equals(Buffer.from(JSON.stringify(expected), 'utf8'))) {
      let signed: Record<string, unknown> = {};
      try {
        signed = JSON.parse(payloadBytes.toString('utf8')) as Record<string, unknown>;
      } catch {
        // Named below as a payload that says nothing the row says.
      }
      const field = Object.keys(expected).find((key) => signed[key] !== expected[key]);
      if (field !== undefined || Object.keys(signed).length !== Object.keys(expected).length) {
        const column = field === undefined ? 'qr_payload' : (columnOf[field] ?? field);
        const claim = field === undefined ? '' : `（签名的二维码中为 ${JSON.stringify(signed[field])}）`;
        const claimEn = field === undefined ? '' : ` (the signed payload says ${JSON.stringify(signed[field])})`;
        refuse(where, `证书 ${number} 的 ${column} 与其签名的二维码内容不符${claim}`, `certificate ${number}: its ${column} contradicts its signed QR payload${claimEn}`);
      }
    }
    const assessment = awardOf(String(line.assessment_id));
    if (assessment && (assessment.status === 'signed' || assessment.status === 'final')) {
      if (assessment.awarded_stars !== line.stars) {
        refuse(where, `证书 ${number} 的星级 ${String(line.stars)} 与其评定 ${String(line.assessment_id)} 评出的 ${String(assessment.awarded_stars)} 星不符`, `certificate ${number}: its stars contradicts its assessment ${String(line.assessment_id)}, which awarded ${String(assessment.awarded_stars)}`);
      }
      if (assessment.cycle !== line.cycle) {
        refuse(where, `证书 ${number} 的年度与其评定 ${String(line.assessment_id)} 的年度 ${String(assessment.cycle)} 不符`, `certificate ${number}: its cycle contradicts its assessment ${String(line.assessment_id)} (cycle ${String(assessment.cycle)})`);
      }
    }
    if (stored.get(line.id) === line.qr_payload) return;
    const key = keyOf(String(line.workstation_id));
    if (!key) refuse(where, `证书 ${number} 由本机不认识的工作站 ${String(line.workstation_id)} 签发`, `certificate ${number} was issued by workstation ${String(line.workstation_id)}, which is not known here`);
    let valid = false;
    try {
      valid = crypto.verify(null, payloadBytes, key, signature);
    } catch {
      valid = false;
    }
    if (!valid) refuse(where, `证书 ${number} 的二维码签名不是签发工作站所签`, `certificate ${number}: its QR payload signature does not verify with the issuing workstation’s key`);
  });
}
