/**
 * Names for records, read from the database: what the audit log, the conflicts list and the
 * import reports show instead of ids. Reads only. A record that is not (or no longer) here is
 * named from what is known of it, or left as `unknown` with its id.
 */
import type { Database } from 'better-sqlite3';
import type { RecordKind, RecordRef } from '@shared/domain/record-ref';
import { prepared } from '../db/statements';

type Row = Record<string, string | number | null>;

function ref(kind: RecordKind, id: string, fields: Partial<Omit<RecordRef, 'kind' | 'id'>> = {}): RecordRef {
  return { kind, id, name: null, unitName: null, cycle: null, district: null, ...fields };
}

const unitName = (db: Database, id: unknown) => (typeof id === 'string' ? ((db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(id) as string | undefined) ?? null) : null);

function assessmentRef(db: Database, id: string): RecordRef | null {
  const row = prepared(db, 'SELECT a.cycle, u.name FROM assessments a JOIN units u ON u.id = a.unit_id WHERE a.id = ?').get(id) as { cycle: number; name: string } | undefined;
  return row ? ref('assessment', id, { unitName: row.name, cycle: row.cycle }) : null;
}

function certificateRef(db: Database, id: string): RecordRef | null {
  const row = prepared(db, 'SELECT number, unit_name AS unitName, cycle FROM certificates WHERE id = ?').get(id) as { number: string; unitName: string; cycle: number } | undefined;
  return row ? ref('certificate', id, { name: row.number, unitName: row.unitName, cycle: row.cycle }) : null;
}

/**
 * What an audit entry's subject is: its id looked up where records live. The workstation itself,
 * a unit, an assessment, a certificate, a person, an enrolled workstation, a conflict, a rubric pack.
 */
export function nameSubject(db: Database, workstation: { id: string; name: string }, id: string): RecordRef {
  if (id === workstation.id) return ref('workstation', id, { name: workstation.name });
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(id) as string | undefined;
  if (unit !== undefined) return ref('unit', id, { name: unit, unitName: unit });
  const assessment = assessmentRef(db, id);
  if (assessment) return assessment;
  const certificate = certificateRef(db, id);
  if (certificate) return certificate;
  const user = db.prepare('SELECT display_name FROM users WHERE id = ?').pluck().get(id) as string | undefined;
  if (user !== undefined) return ref('user', id, { name: user });
  const trusted = db.prepare('SELECT name FROM trusted_workstations WHERE workstation_id = ?').pluck().get(id) as string | undefined;
  if (trusted !== undefined) return ref('workstation', id, { name: trusted });
  const rectification = prepared(db, 'SELECT unit_id FROM rectifications WHERE id = ?').get(id) as { unit_id: string } | undefined;
  if (rectification) return ref('rectification', id, { unitName: unitName(db, rectification.unit_id) });
  const conflict = prepared(db, 'SELECT table_name, incoming_record FROM bundle_conflicts WHERE id = ?').get(id) as { table_name: string; incoming_record: string } | undefined;
  if (conflict) return { ...describeRow(db, conflict.table_name, JSON.parse(conflict.incoming_record) as Row), kind: 'conflict', id };
  if (/^[a-z][a-z0-9-]*@[\w.-]+$/.test(id)) return ref('pack', id, { name: id });
  return ref('unknown', id);
}

/** A bundle record (a conflict's incoming version, say) named from its own fields and what is here. */
export function describeRow(db: Database, table: string, row: Row): RecordRef {
  const id = String(row.id ?? '');
  switch (table) {
    case 'units':
      return ref('unit', id, { name: (row.name as string | null) ?? null, unitName: (row.name as string | null) ?? null });
    case 'assessments':
      return ref('assessment', id, { unitName: unitName(db, row.unit_id), cycle: typeof row.cycle === 'number' ? row.cycle : null });
    case 'unit_star_history':
      return ref('history', id, { unitName: unitName(db, row.unit_id), cycle: typeof row.cycle === 'number' ? row.cycle : null });
    case 'certificates':
      return ref('certificate', id, { name: (row.number as string | null) ?? null, unitName: (row.unit_name as string | null) ?? unitName(db, row.unit_id), cycle: typeof row.cycle === 'number' ? row.cycle : null });
    case 'certificate_revocations': {
      const certificate = typeof row.certificate_id === 'string' ? certificateRef(db, row.certificate_id) : null;
      return ref('revocation', id, { name: certificate?.name ?? null, unitName: certificate?.unitName ?? null, cycle: certificate?.cycle ?? null });
    }
    case 'rectifications':
      return ref('rectification', id, { unitName: unitName(db, row.unit_id) });
    case 'evidence': {
      const assessment = typeof row.assessment_id === 'string' ? assessmentRef(db, row.assessment_id) : null;
      return ref('evidence', id, { name: (row.original_name as string | null) ?? null, unitName: assessment?.unitName ?? null, cycle: assessment?.cycle ?? null });
    }
    case 'district_inputs':
      return ref('districtInputs', id, { district: typeof row.district_code === 'string' ? row.district_code : null, cycle: typeof row.cycle === 'number' ? row.cycle : null });
    default:
      return ref('unknown', id);
  }
}

/** A workstation's name as enrolled here (or this workstation's own), else null. */
export function workstationName(db: Database, workstation: { id: string; name: string }, id: string | null): string | null {
  if (id === null) return null;
  if (id === workstation.id) return workstation.name;
  return (db.prepare('SELECT name FROM trusted_workstations WHERE workstation_id = ?').pluck().get(id) as string | undefined) ?? null;
}
