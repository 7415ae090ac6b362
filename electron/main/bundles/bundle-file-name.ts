/**
 * What an exported bundle is called: who sent it, for which districts, which number in the
 * sequence, and when (汉阳区检查一组-汉阳区-第3号-2026-12-05.dxb; 市级数据包-市指挥部-第7号-…), so a
 * clerk with a folder of them sees at once what each one is and which one is missing.
 */
import type { Database } from 'better-sqlite3';
import type { BundleKind } from '@shared/bundle/manifest';
import { localDate } from '../context/local-date';
import { safeFileName } from '../records/file-names';
import { nextExportSequence } from './bundle-history';

/** The districts of the units this workstation registered (else of all it holds): two by name, more as a count. */
function districtsPart(db: Database, workstationId: string): string {
  const own = db.prepare('SELECT DISTINCT d.name FROM units u JOIN districts d ON d.code = u.district_code WHERE u.workstation_id = ? ORDER BY d.sort').pluck().all(workstationId) as string[];
  const names = own.length > 0 ? own : (db.prepare('SELECT DISTINCT d.name FROM units u JOIN districts d ON d.code = u.district_code ORDER BY d.sort').pluck().all() as string[]);
  if (names.length === 0) return '';
  return names.length <= 2 ? names.join('、') : `${names.length}个区`;
}

export function bundleFileName(db: Database, workstation: { id: string; name: string }, kind: BundleKind, now: Date): string {
  const sequence = nextExportSequence(db, kind);
  const who = safeFileName(workstation.name);
  const parts = kind === 'city' ? ['市级数据包', who] : [who, districtsPart(db, workstation.id)];
  return `${[...parts.filter((part) => part !== ''), `第${sequence}号`, localDate(now)].map(safeFileName).join('-')}.dxb`;
}
