/**
 * The district summary report (区县平安鼎评定总结报告) and the city report of all 15 districts, as
 * signed A4 PDFs: the inputs and how the grade was decided (the engine's trace in words), the star
 * distribution and coverage charts drawn as vectors, the unit table and the changes since the last
 * cycle. Signed with the workstation certificate, like plaques and inspection reports.
 */
import { DxError } from '@shared/api/errors';
import type { DingRow } from '@shared/domain/ding-evaluation';
import { industryLabels, unitKindLabels, unitKinds } from '@shared/domain/unit-kinds';
import type { DingGrade, DingPack } from '@shared/rubric/ding-pack';
import { localDate } from '../context/local-date';
import type { ReadContext } from '../context/domain-context';
import type { DocumentTools } from '../certificates/signing-keys';
import { unlockedKeys } from '../certificates/signing-keys';
import { dingTable, loadDingPack } from '../ding/ding-table';
import { createPdfDocument, endToBuffer } from '../pdf/document';
import type { PdfDoc } from '../pdf/document';
import { loadPdfFonts } from '../pdf/fonts';
import type { PdfFonts } from '../pdf/fonts';
import { addSignaturePlaceholder, signPdf } from '../pdf/signer';
import type { PdfSigningKey } from '../pdf/signer';
import { drawLine, fitSize } from '../pdf/text';
import { documentInfoKey } from '../certificates/signed-documents';
import { renderChartSvg } from './chart-svg';
import { drawSvg } from './draw-svg';
import { colours, contentWidth, ensureRoom, heading, keyValueRows, margin, numberedParagraphs, pageFooters, table } from './layout';
import { cityCompositeOption, cityCoverageOption, coverageOverCyclesOption, starsByKindOption } from './summary-charts';
import { districtSummaryData } from './summary-data';
import { personLabel } from '../records/person-name';
import { safeFileName } from '../records/file-names';
import type { StarChange } from './summary-data';

/** The type size of the unit list, the longest part of a district report. */
const unitRowSize = 8.5;

/** The workstation by the name people gave it (its host name until then). */
function workstationLabel(workstation: { id: string; name: string }): string {
  return workstation.name;
}

const decidedByZh: Record<string, string> = { veto: '一票否决', coverage: '星级覆盖率未达参评线', zongzhi: '综治得分未达标准', stepUp: '逐级晋升（每年至多升一级）', composite: '按综合得分' };
/** The same rules in the few characters a table cell holds. */
const decidedByShort: Record<string, string> = { veto: '一票否决', coverage: '覆盖率不足', zongzhi: '综治不足', stepUp: '逐级晋升', composite: '综合得分' };

function gradeZh(pack: DingPack, grade: DingGrade | null): string {
  if (grade === null) return '—';
  return grade === 'none' ? '无' : (pack.grades.find((level) => level.grade === grade)?.label.zh ?? grade);
}

/** Last cycle's grade (the row's, one definition everywhere) and where it comes from. */
function previousGradeText(pack: DingPack, row: DingRow): string {
  if (row.previousGrade === null) return '上年度未评定';
  return `${gradeZh(pack, row.previousGrade)}${row.previousGradeSource === 'inputs' ? '（录入）' : ''}`;
}

function pct(share: number): string {
  return `${Math.round(share * 10_000) / 100}%`;
}

function stars(count: number): string {
  return count === 0 ? '未评星' : '★'.repeat(count);
}

function title(doc: PdfDoc, fonts: PdfFonts, text: string, subtitles: string[]): void {
  drawLine(doc, fonts, text, { x: margin, y: margin, width: contentWidth(doc), align: 'center', size: 19, weight: 'bold', color: colours.red, characterSpacing: 1 });
  subtitles.forEach((subtitle, index) => {
    const size = fitSize(doc, fonts, subtitle, 9.5, contentWidth(doc));
    drawLine(doc, fonts, subtitle, { x: margin, y: margin + 30 + index * 14, width: contentWidth(doc), align: 'center', size, color: colours.grey });
  });
  doc.y = margin + 36 + subtitles.length * 14;
}

function chartPair(doc: PdfDoc, fonts: PdfFonts, charts: { caption: string; svg: string }[], height: number): void {
  ensureRoom(doc, height + 24);
  const gap = 16;
  const width = (contentWidth(doc) - gap * (charts.length - 1)) / charts.length;
  const y = doc.y;
  charts.forEach((chart, index) => {
    const x = margin + index * (width + gap);
    drawLine(doc, fonts, chart.caption, { x, y, size: 10, weight: 'bold', color: colours.ink });
    drawSvg(doc, fonts, chart.svg, { x, y: y + 16, width, height });
  });
  doc.y = y + height + 24;
}

function signatureFields(workstationId: string, reason: string) {
  return { reason, name: `Dingxing Workstation ${workstationId}`, location: 'Wuhan, CN' };
}

/** What drawing a summary reads: the context's connection (the main one, or a worker's), workstation and clock, and the fonts. */
type SummaryContext = ReadContext & Pick<DocumentTools, 'fontsDir'>;

export interface BuiltSummary {
  doc: PdfDoc;
  fileName: string;
  reason: string;
  /** When it was drawn: the document's date and its signature's. */
  createdAt: Date;
}

export async function signSummary(built: BuiltSummary, workstationId: string, key: PdfSigningKey): Promise<{ fileName: string; pdf: Buffer }> {
  addSignaturePlaceholder(built.doc, signatureFields(workstationId, built.reason));
  return { fileName: built.fileName, pdf: await signPdf(await endToBuffer(built.doc), key, built.createdAt) };
}

/** Told each time a page is started: pages drawn so far and about how many the report will have. */
export type PageProgress = (drawn: number, estimated: number) => void;

/**
 * About how many pages a district report takes: its first pages (result, inputs, reasons,
 * charts, changes) and the unit list at one row per `rowHeight`. Drawing tells the truth as it goes;
 * this is what "page 12 of about 210" is measured against.
 */
function estimatePages(doc: PdfDoc, units: number, changes: number, rowHeight: number): number {
  const usable = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  return 2 + Math.ceil(((units + changes) * rowHeight) / usable);
}

/** Tells `onPage` of the first page now and of each page as it is started. */
function countPages(doc: PdfDoc, estimated: number, onPage: PageProgress | undefined): void {
  if (onPage === undefined) return;
  let pages = 1;
  onPage(pages, estimated);
  doc.on('pageAdded', () => {
    pages += 1;
    onPage(pages, Math.max(estimated, pages));
  });
}

/** The district summary's unsigned document (exported for the benchmark, which measures signing apart). */
export function buildDistrictSummary(deps: SummaryContext, district: string, cycle: number, printedBy: string, onPage?: PageProgress): BuiltSummary {
  const pack = loadDingPack(deps.db).pack;
  const today = localDate(deps.now());
  const data = districtSummaryData(deps.db, district, cycle, today);
  const { dashboard } = data;
  const row = dashboard.row;
  const fonts = loadPdfFonts(deps.fontsDir);
  const createdAt = deps.now();
  const doc = createPdfDocument({ title: `${row.name} ${cycle} 年度平安鼎评定总结报告`, subject: `${row.district} ${cycle}`, margin, creationDate: createdAt, info: { [documentInfoKey]: 'district-summary' } });
  pageFooters(doc, fonts, `${row.name} ${cycle} 年度平安鼎评定总结报告`);
  countPages(doc, estimatePages(doc, data.units.length, data.changes.length, unitRowSize + 6), onPage);
  title(doc, fonts, `${row.name} ${cycle} 年度平安鼎评定总结报告`, [`武汉市“鼎星”平安创建指挥部 · 评定标准 ${pack.id}@${pack.version}`, `出具 ${personLabel(deps.db, printedBy)}，${today} · 工作站 ${workstationLabel(deps.workstation)}`]);

  heading(doc, fonts, '评定结果');
  const evaluatedCount = data.evaluatedDistricts;
  keyValueRows(doc, fonts, [
    ['本年度评定', row.eligible ? (row.grade === 'none' ? '具备资格，综合得分未达铜鼎' : gradeZh(pack, row.grade)) : '不具备参评资格，本年度不授鼎'],
    ['决定规则', row.decidedBy ? decidedByZh[row.decidedBy] ?? row.decidedBy : '—'],
    ['综合得分', `${row.composite ?? '—'}（全市 ${evaluatedCount} 个已评定区县中排名第 ${row.rank ?? '—'}）`],
    ['上年度评定', previousGradeText(pack, row)],
  ]);

  heading(doc, fonts, '考评数据');
  const latest = dashboard.inputsHistory[0];
  keyValueRows(doc, fonts, [
    ['依法治国绩效考核', `${row.ruleOfLaw ?? '—'}`],
    ...pack.aspects.map((aspect): [string, string] => [`综治 · ${aspect.label.zh}`, `${row.aspects?.[aspect.id] ?? '—'}（权重 ${aspect.weight}）`]),
    ['综治得分', `${row.zongzhi ?? '—'}`],
    ['一票否决', row.veto ? `是：${row.vetoReason ?? '未注明事由'}` : '否'],
    ['星级覆盖率', `${row.starredUnits}/${row.inScopeUnits} = ${pct(row.coverage)}`],
    ['录入', latest ? `${personLabel(deps.db, latest.enteredBy)}，${latest.enteredAt.slice(0, 16).replace('T', ' ')}（${latest.source}）${dashboard.inputsHistory.length > 1 ? `；此前 ${dashboard.inputsHistory.length - 1} 条记录已被取代` : ''}` : '—'],
  ]);

  heading(doc, fonts, '评定依据');
  numberedParagraphs(doc, fonts, row.trace.map((step) => ({ text: step.zh, failed: step.passed === false })));

  ensureRoom(doc, 300);
  heading(doc, fonts, '星级分布与覆盖率');
  chartPair(
    doc,
    fonts,
    [
      { caption: '各类单位星级分布', svg: renderChartSvg(starsByKindOption(dashboard), 360, 250) },
      { caption: '历年星级覆盖率', svg: renderChartSvg(coverageOverCyclesOption(dashboard), 360, 250) },
    ],
    190,
  );
  table(
    doc,
    fonts,
    [
      { title: '单位类型', width: 150, text: (kind: (typeof unitKinds)[number]) => unitKindLabels[kind].zh },
      { title: '参评单位', width: 110, align: 'right', text: (kind) => String(row.coverageByKind[kind].inScopeUnits) },
      { title: '星级单位（≥1 星）', width: 120, align: 'right', text: (kind) => String(row.coverageByKind[kind].starredUnits) },
      { title: '覆盖率', width: contentWidth(doc) - 380, align: 'right', text: (kind) => (row.coverageByKind[kind].inScopeUnits === 0 ? '—' : pct(row.coverageByKind[kind].starredUnits / row.coverageByKind[kind].inScopeUnits)) },
    ],
    unitKinds,
  );

  heading(doc, fonts, `与上年度（${cycle - 1}）相比`);
  const changes = dashboard.changesByCycle.find((entry) => entry.cycle === cycle);
  keyValueRows(doc, fonts, [
    ['平安鼎', `${previousGradeText(pack, row)} → ${row.eligible ? gradeZh(pack, row.grade) : '不具备资格'}`],
    ['综合得分', `${data.lastCycle?.composite ?? '—'} → ${row.composite ?? '—'}`],
    ['星级覆盖率', `${data.lastCycle ? pct(data.lastCycle.coverage) : '—'} → ${pct(row.coverage)}`],
    ['本年度星级变化', `升星 ${changes?.promotions ?? 0} 个，降星 ${changes?.demotions ?? 0} 个，一票否决 ${changes?.vetoes ?? 0} 个`],
    ['整改', `未完成 ${dashboard.rectifications.open} 项，其中已逾期 ${dashboard.rectifications.overdue} 项`],
  ]);
  if (data.changes.length > 0) {
    doc.y += 4;
    table<StarChange>(doc, fonts, [
      { title: '单位', width: 250, text: (change) => change.name },
      { title: '类型', width: 90, text: (change) => unitKindLabels[change.kind].zh },
      { title: '上年度', width: 60, text: (change) => stars(change.previousStars) },
      { title: '本年度', width: 60, text: (change) => stars(change.stars) },
      { title: '变化', width: contentWidth(doc) - 460, text: (change) => (change.vetoed ? '一票否决' : change.stars > change.previousStars ? '升星' : '降星'), colour: (change) => (change.vetoed || change.stars < change.previousStars ? colours.red : undefined) },
    ], data.changes);
  }

  heading(doc, fonts, `参评单位名单（${data.units.length} 个）`);
  table(doc, fonts, [
    { title: '单位名称', width: 178, text: (unit) => unit.name },
    { title: '类型', width: 72, text: (unit) => unitKindLabels[unit.kind].zh + (unit.industry ? `·${industryLabels[unit.industry].zh}` : '') },
    { title: '统一社会信用代码', width: 106, text: (unit) => unit.uscc ?? '' },
    { title: '星级', width: 48, text: (unit) => (unit.stars === 0 ? '—' : '★'.repeat(unit.stars)) },
    { title: '最近得分', width: 48, align: 'right', text: (unit) => (unit.lastTotal === null ? '' : String(unit.lastTotal)) },
    { title: '最近评定', width: contentWidth(doc) - 452, align: 'right', text: (unit) => unit.lastAssessedOn ?? '未评定' },
  ], data.units, unitRowSize);

  heading(doc, fonts, '签署');
  keyValueRows(doc, fonts, [['数字签名', `本报告由工作站 ${workstationLabel(deps.workstation)}（编号 ${deps.workstation.id}）以其证书签署，可在 PDF 阅读器中查看和校验签名；内容如被改动，签名即失效。`]]);

  const reason = `District Ding summary ${row.district} ${cycle}`;
  return { doc, fileName: `${safeFileName(row.name)}-${cycle}年度平安鼎总结报告.pdf`, reason, createdAt };
}

export async function districtSummaryPdf(ctx: ReadContext, tools: DocumentTools, district: string, cycle: number, printedBy: string): Promise<{ fileName: string; pdf: Buffer }> {
  // Built first: a district without inputs is refused before anyone is asked for the key passphrase.
  const built = buildDistrictSummary({ ...ctx, fontsDir: tools.fontsDir }, district, cycle, printedBy);
  return signSummary(built, ctx.workstation.id, (await unlockedKeys(ctx, tools.keyStore)).pdfSigningKey);
}

export async function citySummaryPdf(ctx: ReadContext, tools: DocumentTools, cycle: number, printedBy: string): Promise<{ fileName: string; pdf: Buffer }> {
  const built = buildCitySummary({ ...ctx, fontsDir: tools.fontsDir }, cycle, printedBy);
  return signSummary(built, ctx.workstation.id, (await unlockedKeys(ctx, tools.keyStore)).pdfSigningKey);
}

/** The city report's unsigned document: every district's row, the charts and each decision in words. */
export function buildCitySummary(deps: SummaryContext, cycle: number, printedBy: string, onPage?: PageProgress): BuiltSummary {
  const table_ = dingTable(deps.db, cycle);
  if (!table_.rows.some((row) => row.evaluated)) {
    throw new DxError('CONFLICT', `${cycle} 年度还没有任何区县考评数据，不能生成全市报告 (no district inputs for ${cycle}: no city report)`, { cycle, reason: 'no-inputs' });
  }
  const pack = loadDingPack(deps.db).pack;
  const fonts = loadPdfFonts(deps.fontsDir);
  const today = localDate(deps.now());
  const createdAt = deps.now();
  const doc = createPdfDocument({ title: `武汉市 ${cycle} 年度平安鼎评定报告`, subject: `Wuhan ${cycle}`, margin, creationDate: createdAt, info: { [documentInfoKey]: 'city-summary' } });
  pageFooters(doc, fonts, `武汉市 ${cycle} 年度平安鼎评定报告`);
  // The table, the charts and a reason per district: a few pages whatever the size of the city.
  countPages(doc, 4, onPage);
  title(doc, fonts, `武汉市 ${cycle} 年度平安鼎评定报告`, [`全市 ${table_.rows.length} 个区县 · 评定标准 ${table_.rubric}`, `出具 ${personLabel(deps.db, printedBy)}，${today} · 工作站 ${workstationLabel(deps.workstation)}`]);

  heading(doc, fonts, '评定结果');
  const count = (grade: DingGrade) => table_.rows.filter((row) => row.evaluated && row.eligible && row.grade === grade).length;
  keyValueRows(doc, fonts, [
    ['金鼎 / 银鼎 / 铜鼎', `${count('gold')} / ${count('silver')} / ${count('bronze')} 个区县`],
    ['不具备资格', `${table_.rows.filter((row) => row.evaluated && !row.eligible).length} 个区县`],
    ['未录入考评数据', `${table_.rows.filter((row) => !row.evaluated).length} 个区县`],
  ]);
  table<DingRow>(doc, fonts, [
    { title: '排名', width: 30, align: 'center', text: (row) => (row.rank === null ? '—' : String(row.rank)) },
    { title: '区县', width: 100, text: (row) => row.name },
    { title: '星级/参评', width: 62, align: 'right', text: (row) => `${row.starredUnits}/${row.inScopeUnits}` },
    { title: '覆盖率', width: 50, align: 'right', text: (row) => pct(row.coverage), colour: (row) => (row.coverage < 0.3 ? colours.red : undefined) },
    { title: '依法治国', width: 48, align: 'right', text: (row) => (row.ruleOfLaw === null ? '' : String(row.ruleOfLaw)) },
    { title: '综治', width: 40, align: 'right', text: (row) => (row.zongzhi === null ? '' : String(row.zongzhi)), colour: (row) => (row.zongzhi !== null && row.zongzhi < pack.eligibility.minZongzhi ? colours.red : undefined) },
    { title: '综合', width: 42, align: 'right', text: (row) => (row.composite === null ? '' : String(row.composite)) },
    { title: '上年度', width: 40, align: 'center', text: (row) => gradeZh(pack, row.previousGrade) },
    { title: '本年度', width: 40, align: 'center', text: (row) => (row.evaluated ? gradeZh(pack, row.grade) : '—') },
    { title: '决定规则', width: contentWidth(doc) - 452, text: (row) => (row.decidedBy ? decidedByShort[row.decidedBy] ?? row.decidedBy : '未录入数据'), colour: (row) => (row.evaluated && !row.eligible ? colours.red : undefined) },
  ], table_.rows);

  ensureRoom(doc, 320);
  heading(doc, fonts, '综合得分与星级覆盖率');
  chartPair(
    doc,
    fonts,
    [
      { caption: '综合得分排名', svg: renderChartSvg(cityCompositeOption(table_.rows), 380, 330) },
      { caption: '星级覆盖率（30% 参评线）', svg: renderChartSvg(cityCoverageOption(table_.rows), 380, 330) },
    ],
    240,
  );

  heading(doc, fonts, '各区县评定依据');
  for (const row of table_.rows) {
    ensureRoom(doc, 60);
    drawLine(doc, fonts, `${row.name}：${row.evaluated ? (row.eligible ? gradeZh(pack, row.grade) : '不具备资格') : '未评定'}`, { x: margin, y: doc.y, size: 10.5, weight: 'bold', color: colours.ink });
    doc.y += 16;
    numberedParagraphs(doc, fonts, row.trace.map((step) => ({ text: step.zh, failed: step.passed === false })));
    doc.y += 4;
  }
  heading(doc, fonts, '签署');
  keyValueRows(doc, fonts, [['数字签名', `本报告由工作站 ${workstationLabel(deps.workstation)}（编号 ${deps.workstation.id}）以其证书签署，可在 PDF 阅读器中查看和校验签名；内容如被改动，签名即失效。`]]);
  return { doc, fileName: `武汉市-${cycle}年度平安鼎评定报告.pdf`, reason: `City Ding report ${cycle}`, createdAt };
}
