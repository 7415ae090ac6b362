/**
 * The inspection report of one assessment as a signed A4 PDF: the unit, the result and how the
 * stars were decided, every item with its points and the engine's reason, the veto if any, the
 * rectifications with their deadlines, evidence thumbnails, who submitted and who signed. Signed
 * like the plaque, with the workstation certificate.
 */
import { DxError } from '@shared/api/errors';
import { personLabel } from '../records/person-name';
import { safeFileName } from '../records/file-names';
import type { ScoreResult } from '@shared/scoring/result';
import { assessmentStatusWords } from '@shared/domain/assessment-status';
import { getAssessment } from './workflow';
import { localDate } from '../context/local-date';
import type { ReadContext } from '../context/domain-context';
import { listEvidence } from './evidence';
import { readEvidenceFile } from './evidence-store';
import { listRectificationsForUnit } from './rectifications';
import { loadPack } from './scoring-port';
import { createPdfDocument, endToBuffer } from '../pdf/document';
import type { PdfDoc } from '../pdf/document';
import { loadPdfFonts } from '../pdf/fonts';
import type { PdfFonts } from '../pdf/fonts';
import { addSignaturePlaceholder, signPdf } from '../pdf/signer';
import { drawLine, drawParagraph } from '../pdf/text';
import type { DocumentTools } from '../certificates/signing-keys';
import { unlockedKeys } from '../certificates/signing-keys';
import { documentInfoKey } from '../certificates/signed-documents';

const red = '#9B1B1B';
const ink = '#1A1A1A';
const grey = '#555555';
const rule = '#BBBBBB';
const margin = 50;

const decidedByZh: Record<string, string> = {
  threshold: '按总分门槛',
  condition: '附加条件未满足',
  gate: '行业关键指标未达标',
  stepUp: '逐级晋升限制',
  veto: '一票否决',
  lockout: '否决后锁定期内',
};

function starText(stars: number): string {
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}（${stars} 星）`;
}

function ensureRoom(doc: PdfDoc, needed: number): void {
  if (doc.y + needed > doc.page.height - margin - 20) doc.addPage();
}

function heading(doc: PdfDoc, fonts: PdfFonts, text: string): void {
  ensureRoom(doc, 50);
  doc.moveDown(0.6);
  const y = doc.y;
  drawLine(doc, fonts, text, { x: margin, y, size: 13, weight: 'bold', color: red });
  doc.save().lineWidth(0.6).strokeColor(red).moveTo(margin, y + 19).lineTo(doc.page.width - margin, y + 19).stroke().restore();
  doc.y = y + 26;
}

function keyValueRows(doc: PdfDoc, fonts: PdfFonts, rows: [string, string][]): void {
  const width = doc.page.width - margin * 2;
  for (const [key, value] of rows) {
    ensureRoom(doc, 18);
    const y = doc.y;
    drawLine(doc, fonts, key, { x: margin, y, size: 10, color: grey });
    drawParagraph(doc, fonts, value, { x: margin + 110, y, width: width - 110, size: 10, color: ink });
    doc.y = Math.max(doc.y, y + 15) + 2;
  }
}

interface ItemRow {
  id: string;
  label: string;
  points: string;
  why: string;
}

function itemRows(result: ScoreResult, labels: Map<string, string>): ItemRow[] {
  return result.trace
    .filter((entry) => entry.step === 'item' || entry.step === 'addOnCap')
    .map((entry) => ({ id: entry.item, label: labels.get(entry.item) ?? entry.item, points: entry.points > 0 ? `+${entry.points}` : String(entry.points), why: entry.whyZh }));
}

function itemTable(doc: PdfDoc, fonts: PdfFonts, rows: ItemRow[]): void {
  const width = doc.page.width - margin * 2;
  const columns = { id: margin, label: margin + 48, points: margin + 250, why: margin + 292 };
  const whyWidth = width - (columns.why - margin);
  const header = () => {
    const y = doc.y;
    for (const [text, x] of [
      ['编号', columns.id],
      ['检查内容', columns.label],
      ['得分', columns.points],
      ['依据与说明', columns.why],
    ] as const)
      drawLine(doc, fonts, text, { x, y, size: 9, weight: 'bold', color: grey });
    doc.y = y + 14;
  };
  header();
  for (const row of rows) {
    ensureRoom(doc, 30);
    if (doc.y < margin + 5) header();
    const y = doc.y;
    drawLine(doc, fonts, row.id, { x: columns.id, y, size: 9, color: ink });
    drawParagraph(doc, fonts, row.label, { x: columns.label, y, width: 195, size: 9, color: ink });
    const labelBottom = doc.y;
    drawLine(doc, fonts, row.points, { x: columns.points, y, size: 9, weight: 'bold', color: row.points.startsWith('-') ? red : ink });
    drawParagraph(doc, fonts, row.why, { x: columns.why, y, width: whyWidth, size: 8.5, color: grey });
    doc.y = Math.max(doc.y, labelBottom, y + 12) + 3;
    doc.save().lineWidth(0.3).strokeColor(rule).moveTo(margin, doc.y - 1.5).lineTo(doc.page.width - margin, doc.y - 1.5).stroke().restore();
  }
}

export async function reportPdf(ctx: ReadContext, tools: DocumentTools & { dataDir: string }, assessmentId: string, printedBy: string): Promise<Buffer> {
  const assessment = getAssessment(ctx, assessmentId);
  const result = assessment.result as ScoreResult | null;
  if (!result || (assessment.status !== 'signed' && assessment.status !== 'final')) {
    throw new DxError('CONFLICT', `评定 ${assessmentId} 尚未签署，不能出具检查报告 / assessment ${assessmentId} is not signed yet: no report`, { reason: 'not-final' });
  }
  const keys = await unlockedKeys(ctx, tools.keyStore);
  const fonts = loadPdfFonts(tools.fontsDir);
  const pack = loadPack(ctx.db, assessment.rubricId).pack;
  const labels = new Map<string, string>();
  for (const item of [...pack.categories.flatMap((category) => category.items), ...pack.addOns.items, ...pack.vetoes.items]) labels.set(item.id, item.label.zh);

  const doc = createPdfDocument({ title: `星级平安单位检查报告 ${assessment.unit.name} ${assessment.cycle}`, subject: assessment.unit.name, margin, creationDate: ctx.now(), info: { [documentInfoKey]: 'inspection-report' } });
  drawLine(doc, fonts, '星级平安单位检查报告', { x: margin, y: margin, width: doc.page.width - margin * 2, align: 'center', size: 20, weight: 'bold', color: red, characterSpacing: 3 });
  doc.y = margin + 40;
  keyValueRows(doc, fonts, [
    ['单位', assessment.unit.name],
    ['统一社会信用代码', assessment.unit.uscc ?? '—'],
    ['所在区', assessment.unit.districtName],
    ['年度', String(assessment.cycle)],
    ['检查日期', assessment.assessedOn],
    ['评定标准', `${assessment.rubricId}`],
    ['状态', assessmentStatusWords.zh[assessment.status]],
  ]);

  heading(doc, fonts, '评定结果');
  keyValueRows(doc, fonts, [
    ['总分', `${result.total} 分`],
    ['按分数星级', starText(result.scoreStars)],
    ['评定星级', starText(result.awardedStars)],
    ['决定规则', decidedByZh[result.decidedBy] ?? result.decidedBy],
    ['一票否决', result.vetoed ? '有（本次评定不授予星级，已有证书撤销）' : result.lockedOut ? '否决后锁定期内' : '无'],
  ]);

  heading(doc, fonts, '逐项得分');
  itemTable(doc, fonts, itemRows(result, labels));

  const rectifications = listRectificationsForUnit(ctx, assessment.unit.id).filter((entry) => entry.assessmentId === assessmentId);
  heading(doc, fonts, '整改事项');
  if (rectifications.length === 0) keyValueRows(doc, fonts, [['—', '无']]);
  else keyValueRows(doc, fonts, rectifications.map((entry) => [`限 ${entry.dueOn}`, `${entry.itemId ? `${entry.itemId} ` : ''}${entry.description}${entry.owner ? `（责任人：${entry.owner}）` : ''}${entry.status === 'done' ? `，已于 ${entry.closedOn} 完成` : ''}`] as [string, string]));

  const evidence = listEvidence(ctx, assessmentId);
  heading(doc, fonts, `证据材料（${evidence.length} 件）`);
  if (evidence.length === 0) keyValueRows(doc, fonts, [['—', '无']]);
  let column = 0;
  for (const file of evidence) {
    if (file.mime !== 'image/jpeg' && file.mime !== 'image/png') {
      keyValueRows(doc, fonts, [[file.itemId, file.originalName]]);
      continue;
    }
    if (column === 0) ensureRoom(doc, 110);
    const x = margin + column * 125;
    const y = doc.y;
    try {
      doc.image(readEvidenceFile(tools.dataDir, file.sha256), x, y, { fit: [115, 80] });
    } catch {
      doc.save().rect(x, y, 115, 80).strokeColor(rule).stroke().restore();
    }
    drawLine(doc, fonts, `${file.itemId} ${file.originalName}`.slice(0, 22), { x, y: y + 84, size: 7.5, color: grey });
    column = (column + 1) % 4;
    if (column === 0) doc.y = y + 100;
    else doc.y = y;
  }
  if (column !== 0) doc.y += 100;

  heading(doc, fonts, '签署');
  keyValueRows(doc, fonts, [
    ['检查员（提交）', `${assessment.inspector ? personLabel(ctx.db, assessment.inspector) : '—'}${assessment.submittedAt ? `，${assessment.submittedAt.slice(0, 10)}` : ''}`],
    ['组长（签署）', `${assessment.signedBy ? personLabel(ctx.db, assessment.signedBy) : '—'}${assessment.signedAt ? `，${assessment.signedAt.slice(0, 10)}` : ''}`],
    ['报告出具', `${personLabel(ctx.db, printedBy)}，${localDate(ctx.now())}；工作站 ${ctx.workstation.name}（编号 ${ctx.workstation.id}）`],
  ]);
  addSignaturePlaceholder(doc, { reason: `Inspection report of assessment ${assessmentId}`, name: `Dingxing Workstation ${ctx.workstation.id}`, location: 'Wuhan, CN' });
  return signPdf(await endToBuffer(doc), keys.pdfSigningKey, ctx.now());
}

/** The report and a file name that says whose it is: 检查报告-<unit>-<cycle>.pdf. */
export async function reportDocument(ctx: ReadContext, tools: DocumentTools & { dataDir: string }, assessmentId: string, printedBy: string): Promise<{ fileName: string; pdf: Buffer }> {
  const pdf = await reportPdf(ctx, tools, assessmentId, printedBy);
  const named = ctx.db.prepare('SELECT u.name, a.cycle FROM assessments a JOIN units u ON u.id = a.unit_id WHERE a.id = ?').get(assessmentId) as { name: string; cycle: number };
  return { fileName: `检查报告-${safeFileName(named.name)}-${named.cycle}.pdf`, pdf };
}
