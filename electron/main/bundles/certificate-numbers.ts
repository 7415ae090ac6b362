/**
 * A plaque number stands for one certificate across the city (docs/registry.md): a bundle that
 * carries a certificate whose number is held here for another certificate (two laptops that
 * numbered alike), or the same number twice, is refused before anything is written, naming the
 * line and the certificate that holds the number.
 */
import type { Database } from 'better-sqlite3';
import { prepared } from '../db/statements';
import { refuse } from './refusal';
import { workstationName } from '../trust/trust-store';
import type { VerifiedBundle } from './verify-bundle';

export function checkCertificateNumbers(db: Database, bundle: VerifiedBundle): void {
  const lines = bundle.records.get('certificates') ?? [];
  const seen = new Map<string, number>();
  lines.forEach((line, index) => {
    const where = `records/certificates.jsonl:${index + 1}`;
    const number = String(line.number);
    const earlier = seen.get(number);
    if (earlier !== undefined) refuse(where, `证书编号 ${number} 在数据包中出现两次（第 ${earlier} 行）`, `certificate number ${number} appears twice in the bundle (line ${earlier})`);
    seen.set(number, index + 1);
    const holder = prepared(db, 'SELECT id, workstation_id, unit_name FROM certificates WHERE number = ? AND id <> ? LIMIT 1').get(number, line.id) as { id: string; workstation_id: string; unit_name: string } | undefined;
    if (holder) {
      const issuer = workstationName(db, holder.workstation_id);
      refuse(
        where,
        `证书编号 ${number} 已属于另一张证书（${holder.unit_name}，${issuer} 签发，证书 ${holder.id}）：同一编号不能代表两块牌匾`,
        `certificate number ${number} already belongs to another certificate (${holder.unit_name}, issued by ${issuer}, certificate ${holder.id}): one number cannot stand for two plaques`,
      );
    }
  });
}
