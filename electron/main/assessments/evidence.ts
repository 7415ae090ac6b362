/**
 * Evidence attached to an item of an assessment: checked (type by content, size, item applies),
 * stored content-addressed, listed, shown as a data URL (the renderer scales the original with
 * CSS: no image library is installed to make real thumbnails), removed from drafts only.
 */
import { DxError } from '@shared/api/errors';
import type { Evidence} from '@shared/api/procedures/assessments';
import type { Actor } from '@shared/domain/roles';
import { newId } from '../ids';
import type { WorkflowDeps } from './deps';
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

export function addEvidence(deps: WorkflowDeps, dataDir: string, input: AddEvidenceInput, actor: Actor): Evidence {
  const row = getAssessmentRow(deps.db, input.assessmentId);
  assertCan('addEvidence', row.status, actor.roles, row.id);
  const unit = getUnitBrief(deps.db, row.unit_id);
  if (!applicableIds(loadPack(deps.db, row.rubric_id).pack, unitContextOf(unit)).includes(input.itemId)) {
    refuse(input.itemId, 'item', `${input.itemId}: no such item applies to this unit`);
  }
  if (input.bytes.length === 0) refuse(input.itemId, 'empty', `${input.itemId}: “${input.name}” is empty`, input.name);
  if (input.bytes.length > evidenceMaxBytes) {
    refuse(input.itemId, 'size', `${input.itemId}: “${input.name}” is ${(input.bytes.length / 1048576).toFixed(1)} MB, over the 10 MB limit`, input.name);
  }
  const mime = sniffEvidenceMime(input.bytes);
  if (mime === null) refuse(input.itemId, 'type', `${input.itemId}: “${input.name}” is not a JPEG, PNG, WebP or PDF file`, input.name);
  const sha256 = storeEvidenceFile(dataDir, input.bytes);
  const existing = deps.db.prepare('SELECT * FROM evidence WHERE assessment_id = ? AND item_id = ? AND sha256 = ?').get(row.id, input.itemId, sha256) as EvidenceRow | undefined;
  if (existing) return toEvidence(existing);
  const evidence: EvidenceRow = { id: newId(), assessment_id: row.id, item_id: input.itemId, sha256, mime, bytes: input.bytes.length, original_name: input.name, created_at: deps.now().toISOString() };
  deps.db.transaction(() => {
    deps.db
      .prepare('INSERT INTO evidence (id, assessment_id, item_id, sha256, mime, bytes, original_name, created_at) VALUES (@id, @assessment_id, @item_id, @sha256, @mime, @bytes, @original_name, @created_at)')
      .run(evidence);
    deps.audit({ actor: actor.userId, action: 'evidence.add', subject: row.id, data: { item: input.itemId, sha256, bytes: evidence.bytes, mime } });
  }).immediate();
  return toEvidence(evidence);
}

export function listEvidence(deps: WorkflowDeps, assessmentId: string): Evidence[] {
  getAssessmentRow(deps.db, assessmentId);
  const rows = deps.db.prepare('SELECT * FROM evidence WHERE assessment_id = ? ORDER BY item_id, created_at').all(assessmentId) as EvidenceRow[];
  return rows.map(toEvidence);
}

function getEvidenceRow(deps: WorkflowDeps, id: string): EvidenceRow {
  const row = deps.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) throw new DxError('NOT_FOUND', `No evidence ${id}`);
  return row;
}

export function getEvidenceData(deps: WorkflowDeps, dataDir: string, id: string): { evidence: Evidence; dataUrl: string } {
  const row = getEvidenceRow(deps, id);
  let bytes: Buffer;
  try {
    bytes = readEvidenceFile(dataDir, row.sha256);
  } catch {
    throw new DxError('NOT_FOUND', `The file of evidence ${id} (${row.sha256}) is missing from the evidence folder`);
  }
  return { evidence: toEvidence(row), dataUrl: `data:${row.mime};base64,${bytes.toString('base64')}` };
}

/** Removes the row; the file stays, as other rows (or a bundle) may share the same bytes. */
export function removeEvidence(deps: WorkflowDeps, id: string, actor: Actor): boolean {
  const row = deps.db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!row) return false;
  const assessment = getAssessmentRow(deps.db, row.assessment_id);
  assertCan('removeEvidence', assessment.status, actor.roles, assessment.id);
  deps.db.transaction(() => {
    deps.db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    deps.audit({ actor: actor.userId, action: 'evidence.remove', subject: assessment.id, data: { item: row.item_id, sha256: row.sha256 } });
  }).immediate();
  return true;
}
