/**
 * Evidence attached to an item of an assessment: checked (type by content, size, item applies),
 * stored content-addressed, listed, shown as a data URL (the renderer scales the original with
 * CSS: no image library is installed to make real thumbnails), removed from drafts only.
 */
import { DxError } from '@shared/api/errors';
import type { Evidence} from '@shared/api/procedures/assessments';
import { newId } from '../platform/ids';
import type { DomainContext, ReadContext } from '../context/domain-context';
import { evidenceMaxBytes, sniffEvidenceMime } from './evidence-type';
import { readEvidenceFile, storeEvidenceFile } from './evidence-store';
import { applicableIds } from './form';
import { getAssessmentRow, getUnitBrief, unitContextOf } from './repository';
import { loadPack } from './scoring-port';
import { assertCan } from './transitions';

interface EvidenceRow {
  id: string;
  assessment_id: string;
  item_id: string;
  sha256: string;
  mime: string;
  bytes: number;
  original_name: string;
  created_at: string;
}

function toEvidence(row: EvidenceRow): Evidence {
  return { id: row.id, assessmentId: row.assessment_id, itemId: row.item_id, sha256: row.sha256, mime: row.mime, bytes: row.bytes, originalName: row.original_name, createdAt: row.created_at };
}

function refuse(itemId: string, reason: 'type' | 'size' | 'empty' | 'item', message: string, name = ''): never {
  throw new DxError('BAD_INPUT', message, { issues: [{ path: [itemId], message }], item: itemId, reason, name });
}

export interface AddEvidenceInput {
  assessmentId: string;
  itemId: string;
  name: string;
  bytes: Uint8Array;
}

export function addEvidence(ctx: DomainContext, dataDir: string, input: AddEvidenceInput): Evidence {
  const row = getAssessmentRow(ctx.db, input.assessmentId);
  assertCan('addEvidence', row.status, ctx.actor.roles, row.id);
  const unit = getUnitBrief(ctx.db, row.unit_id);
  if (!applicableIds(loadPack(ctx.db, row.rubric_id).pack, unitContextOf(unit)).includes(input.itemId)) {
    refuse(input.itemId, 'item', `${input.itemId}: no such item applies to this unit`);
  }
  if (input.bytes.length === 0) refuse(input.itemId, 'empty', `${input.itemId}: “${input.name}” is empty`, input.name);
  if (input.bytes.length > evidenceMaxBytes) {
    refuse(input.itemId, 'size', `${input.itemId}: “${input.name}” is ${(input.bytes.length / 1048576).toFixed(1)} MB, over the 10 MB limit`, input.name);
  }
  const mime = sniffEvidenceMime(input.bytes);
  if (mime === null) refuse(input.itemId, 'type', `${input.itemId}: “${input.name}” is not a JPEG, PNG, WebP or PDF file`, input.name);
  const sha256 = storeEvidenceFile(dataDir, input.bytes);
  const existing = ctx.db.prepare('SELECT * FROM evidence WHERE assessment_id = ? AND item_id = ? AND sha256 = ?').get(row.id, input.itemId, sha256) as EvidenceRow | undefined;
  if (existing) return toEvidence(existing);
  const evidence: EvidenceRow = { id: newId(), assessment_id: row.id, item_id: input.itemId, sha256, mime, bytes: input.bytes.length, original_name: input.name, created_at: ctx.now().toISOString() };
  ctx.db.transaction(() => {
    ctx.db
      .prepare('INSERT INTO evidence (id, assessment_id, item_id, sha256, mime, bytes, original_name, created_at) VALUES (@id, @assessment_id, @item_id, @sha256, @mime, @bytes, @original_name, @created_at)')
      .run(evidence);
    ctx.audit({ action: 'evidence.add', subject: row.id, data: { item: input.itemId, sha256, bytes: evidence.bytes, mime } });
  }).immediate();
  return toEvidence(evidence);
}

export function listEvidence(ctx: ReadContext, assessmentId: string): Evidence[] {
  getAssessmentRow(ctx.db, assessmentId);
  const rows = ctx.db.prepare('SELECT * FROM evidence WHERE assessment_id = ? ORDER BY item_id, created_at').all(assessmentId) as EvidenceRow[];
  return rows.map(toEvidence);
}

function getEvidenceRow(ctx: ReadContext, id: string): EvidenceRow {
  const row = ctx.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `No evidence ${id}`);
  return row;
}

export function getEvidenceData(ctx: ReadContext, dataDir: string, id: string): { evidence: Evidence; dataUrl: string } {
  const row = getEvidenceRow(ctx, id);
  let bytes: Buffer;
  try {
    bytes = readEvidenceFile(dataDir, row.sha256);
  } catch {
    throw new DxError('NOT_FOUND', `The file of evidence ${id} (${row.sha256}) is missing from the evidence folder`);
  }
  return { evidence: toEvidence(row), dataUrl: `data:${row.mime};base64,${bytes.toString('base64')}` };
}

/** Removes the row; the file stays, as other rows (or a bundle) may share the same bytes. */
export function removeEvidence(ctx: DomainContext, id: string): boolean {
  const row = ctx.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) return false;
  const assessment = getAssessmentRow(ctx.db, row.assessment_id);
  assertCan('removeEvidence', assessment.status, ctx.actor.roles, assessment.id);
  ctx.db.transaction(() => {
    ctx.db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    ctx.audit({ action: 'evidence.remove', subject: assessment.id, data: { item: row.item_id, sha256: row.sha256 } });
  }).immediate();
  return true;
}
