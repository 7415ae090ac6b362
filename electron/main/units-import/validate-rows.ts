/**
 * Checks every row of an import table and turns the good ones into unit drafts. Every problem is
 * reported with its line and column, in Chinese and English; nothing here writes.
 * Problems that refuse the file: a missing required column, an unknown kind, industry or district,
 * a bad USCC (with the check character it should have), households that are not a whole number,
 * and a duplicate (within the file, or against the registry by USCC or by district and name).
 * Warnings only: a community or village without households, an unrecognised column, an odd phone.
 */
import type { ImportIssue, ImportPreviewRow } from '@shared/api/procedures/units';
import type { PaperContradiction, PaperStars } from '../assessments/history-rules';
import type { DistrictRef } from '@shared/domain/districts';
import { kindHasHouseholds, parseIndustry, parseUnitKind } from '@shared/domain/unit-kinds';
import type { Industry, UnitKind } from '@shared/domain/unit-kinds';
import { validateUscc } from '@shared/domain/uscc';
import { chineseHeaders, columnOfHeader, importColumns, requiredColumns } from './columns';
import type { ImportColumn } from './columns';
import type { RawTable } from './read-table';

export interface UnitDraft {
  line: number;
  name: string;
  kind: UnitKind;
  industry: Industry | null;
  districtCode: string;
  street: string | null;
  address: string | null;
  uscc: string | null;
  households: number | null;
  contact: string | null;
  phone: string | null;
  /** Update mode: the unit this row changes; absent for a new unit. */
  existingId?: string;
  /** Update mode: the row matches its unit in every fact; nothing is written for it. */
  unchanged?: boolean;
  /** Stars from the paper years (当前星级, 星级年度, 最近否决日期), when the row gives any. */
  paper?: PaperStars;
}

/** A unit already in the registry, with the facts an update-mode import compares a row against. */
export interface ExistingUnit {
  id: string;
  name: string;
  kind: string;
  industry: string | null;
  districtCode: string;
  street: string | null;
  address: string | null;
  uscc: string | null;
  households: number | null;
  contact: string | null;
  phone: string | null;
}

export type ImportMode = 'add' | 'update';

export interface RegistryLookups {
  matchDistrict(text: string): DistrictRef | undefined;
  /** Update mode: the unit a row means, by USCC, else by district and name. */
  findUnit?(uscc: string | null, districtCode: string, name: string): ExistingUnit | undefined;
  /** The existing unit holding this USCC, if any. */
  unitByUscc(uscc: string): { name: string; districtCode: string } | undefined;
  unitExists(districtCode: string, name: string): boolean;
  /** Today (YYYY-MM-DD): paper stars are of this cycle or earlier, a veto no later than today. */
  today?: string;
  /** Why paper stars contradict the history of the unit a row updates (its signed history in force), or null. */
  paperContradiction?(unitId: string, paper: PaperStars): PaperContradiction | null;
}

export interface ValidationResult {
  counts?: { new: number; update: number; same: number };
  drafts: UnitDraft[];
  errors: ImportIssue[];
  warnings: ImportIssue[];
  preview: ImportPreviewRow[];
  previewTruncated: boolean;
}

export const limits = { name: 200, street: 100, address: 300, contact: 100, phone: 50 } as const;

function issue(line: number, column: string | undefined, message: string, messageEn: string): ImportIssue {
  return column === undefined ? { line, message, messageEn } : { line, column, message, messageEn };
}

export function mapHeader(table: RawTable): { columns: (ImportColumn | undefined)[]; errors: ImportIssue[]; warnings: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const columns = table.header.map((header) => (header === '' ? undefined : columnOfHeader(header)));
  const seen = new Map<ImportColumn, string>();
  table.header.forEach((header, index) => {
    const column = columns[index];
    if (header === '') return;
    if (column === undefined) {
      warnings.push(issue(table.headerLine, header, `未识别的列“${header}”，已忽略`, `unrecognised column "${header}" ignored`));
      return;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      errors.push(issue(table.headerLine, header, `列“${header}”与“${earlier}”重复`, `column "${header}" repeats "${earlier}"`));
      columns[index] = undefined;
    } else {
      seen.set(column, header);
    }
  });
  const missing = requiredColumns.filter((column) => !seen.has(column));
  if (missing.length > 0) {
    errors.push(
      issue(
        table.headerLine,
        undefined,
        `缺少必需的列：${missing.map((column) => `${chineseHeaders[column]}（${column}）`).join('、')}`,
        `missing required column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
      ),
    );
  }
  return { columns, errors, warnings };
}

const phonePattern = /^[0-9+\-()（）\s转#,，、/]{3,50}$/;

/** Rows checked between two progress reports: often enough for a moving bar, rare enough to cost nothing. */
const progressEvery = 2000;

/**
 * In update mode an empty cell keeps what the registry holds (a sheet of phone numbers must not
 * erase addresses); the row's other values replace the unit's.
 */
function merged(draft: UnitDraft, existing: ExistingUnit): UnitDraft {
  return {
    ...draft,
    street: draft.street ?? existing.street,
    address: draft.address ?? existing.address,
    uscc: draft.uscc ?? existing.uscc,
    households: draft.households ?? existing.households,
    contact: draft.contact ?? existing.contact,
    phone: draft.phone ?? existing.phone,
    existingId: existing.id,
  };
}

function sameFacts(draft: UnitDraft, existing: ExistingUnit): boolean {
  return (
    draft.name === existing.name && draft.kind === existing.kind && draft.industry === existing.industry && draft.districtCode === existing.districtCode &&
    draft.street === existing.street && draft.address === existing.address && draft.uscc === existing.uscc && draft.households === existing.households &&
    draft.contact === existing.contact && draft.phone === existing.phone
  );
}

const chineseStars: Record<string, number> = { 无: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** "3", "3星", "三星", "三星级", "无" → 0–5; undefined for anything else. */
function parseStars(text: string): number | undefined {
  const trimmed = text.replace(/\s+/g, '').replace(/级$/, '').replace(/星$/, '');
  if (/^[0-5]$/.test(trimmed)) return Number(trimmed);
  return chineseStars[trimmed];
}

/** "2024-05-06", "2024/5/6", "2024.5.6", "2024年5月6日" → YYYY-MM-DD; undefined when it is not a real day. */
export function parseDay(text: string): string | undefined {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const value = new Date(Date.UTC(year, month - 1, day));
  if (value.getUTCFullYear() !== year || value.getUTCMonth() !== month - 1 || value.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The paper-era columns of one row: 当前星级 (0–5) with its 星级年度 (both or neither) and
 * 最近否决日期; undefined when the row gives none (or any is wrong, each reported with `fail`).
 */
function paperStars(starsText: string, cycleText: string, vetoText: string, today: string | undefined, fail: (column: ImportColumn, zh: string, en: string) => void): PaperStars | undefined {
  if (starsText === '' && cycleText === '' && vetoText === '') return undefined;
  let ok = true;
  const stars = starsText === '' ? null : parseStars(starsText);
  if (stars === undefined) {
    fail('stars', `当前星级“${starsText}”应为 0 到 5 的整数`, `current stars "${starsText}" must be a whole number from 0 to 5`);
    ok = false;
  }
  let cycle: number | null = null;
  if (cycleText !== '') {
    const year = /^\d{4}(\.0+)?$/.test(cycleText.trim()) ? Number.parseInt(cycleText, 10) : Number.NaN;
    const thisYear = today === undefined ? 2100 : Number(today.slice(0, 4));
    if (!Number.isInteger(year) || year < 2000 || year > thisYear) {
      fail('starsCycle', `星级年度“${cycleText}”应为 2000 到 ${thisYear} 之间的年份`, `stars cycle "${cycleText}" must be a year from 2000 to ${thisYear}`);
      ok = false;
    } else cycle = year;
  }
  if (ok && (stars === null) !== (cycleText === '')) {
    if (stars === null) fail('stars', '填写了星级年度，但缺少当前星级', 'a stars cycle without current stars');
    else fail('starsCycle', '填写了当前星级，但缺少星级年度（获评星级的年度）', 'current stars without the cycle they were awarded in');
    ok = false;
  }
  let lastVetoOn: string | null = null;
  if (vetoText !== '') {
    const day = parseDay(vetoText);
    if (day === undefined) {
      fail('lastVetoOn', `最近否决日期“${vetoText}”不是有效日期（如 2024-05-06）`, `last veto date "${vetoText}" is not a date (e.g. 2024-05-06)`);
      ok = false;
    } else if (today !== undefined && day > today) {
      fail('lastVetoOn', `最近否决日期 ${day} 晚于今天`, `the last veto date ${day} is after today`);
      ok = false;
    } else lastVetoOn = day;
  }
  if (ok && stars !== null && stars !== undefined && stars > 0 && cycle !== null && lastVetoOn !== null && Number(lastVetoOn.slice(0, 4)) >= cycle) {
    fail('lastVetoOn', `${lastVetoOn} 被一票否决，同年度及以后不能持有 ${cycle} 年度的 ${stars} 星：一票否决取消全部星级`, `a veto on ${lastVetoOn} removes every star: the unit cannot hold ${stars} stars from ${cycle}`);
    ok = false;
  }
  return ok ? { stars: stars ?? null, cycle, lastVetoOn } : undefined;
}

export function validateRows(table: RawTable, lookups: RegistryLookups, previewLimit = 20_000, onProgress?: (done: number, total: number) => void, mode: ImportMode = 'add'): ValidationResult {
  const counts = { new: 0, update: 0, same: 0 };
  const updating = mode === 'update' && lookups.findUnit !== undefined;
  const { columns, errors, warnings } = mapHeader(table);
  const drafts: UnitDraft[] = [];
  const preview: ImportPreviewRow[] = [];
  if (errors.length > 0) return { drafts, errors, warnings, preview, previewTruncated: false };

  const indexOf = new Map<ImportColumn, number>();
  columns.forEach((column, index) => column !== undefined && indexOf.set(column, index));
  const headerOf = (column: ImportColumn) => table.header[indexOf.get(column) ?? -1] ?? column;

  const usccLines = new Map<string, number>();
  const nameLines = new Map<string, number>();

  let checkedRows = 0;
  for (const row of table.rows) {
    checkedRows += 1;
    if (onProgress !== undefined && checkedRows % progressEvery === 0) onProgress(checkedRows, table.rows.length);
    const line = row.line;
    const cell = (column: ImportColumn): string => {
      const index = indexOf.get(column);
      return index === undefined ? '' : (row.cells[index] ?? '');
    };
    const rowErrors: ImportIssue[] = [];
    const fail = (column: ImportColumn | undefined, zh: string, en: string) =>
      rowErrors.push(issue(line, column === undefined ? undefined : headerOf(column), zh, en));

    const name = cell('name').replace(/\s+/g, ' ');
    if (name === '') fail('name', '名称不能为空', 'the name is empty');
    else if (name.length > limits.name) fail('name', `名称超过 ${limits.name} 个字`, `the name is longer than ${limits.name} characters`);

    const kindText = cell('kind');
    const kind = kindText === '' ? undefined : parseUnitKind(kindText);
    if (kindText === '') fail('kind', '类型不能为空（企业、社区、村或机关事业单位）', 'the kind is empty (enterprise, community, village or institution)');
    else if (kind === undefined) fail('kind', `未知的单位类型“${kindText}”（应为企业、社区、村或机关事业单位）`, `unknown kind "${kindText}" (enterprise, community, village or institution)`);

    const industryText = cell('industry');
    const industry = parseIndustry(industryText);
    if (industry === undefined) fail('industry', `未知的行业“${industryText}”（应为寄递、金融或留空）`, `unknown industry "${industryText}" (delivery, finance or empty)`);

    const districtText = cell('district');
    const district = districtText === '' ? undefined : lookups.matchDistrict(districtText);
    if (districtText === '') fail('district', '区不能为空', 'the district is empty');
    else if (district === undefined) fail('district', `未知的区“${districtText}”（应为武汉市 15 个区之一的名称或代码）`, `unknown district "${districtText}" (one of Wuhan's 15 districts, by name or code)`);

    const street = cell('street');
    if (street.length > limits.street) fail('street', `街道超过 ${limits.street} 个字`, `the street is longer than ${limits.street} characters`);
    const address = cell('address');
    if (address.length > limits.address) fail('address', `地址超过 ${limits.address} 个字`, `the address is longer than ${limits.address} characters`);
    const contact = cell('contact');
    if (contact.length > limits.contact) fail('contact', `联系人超过 ${limits.contact} 个字`, `the contact is longer than ${limits.contact} characters`);
    const phone = cell('phone');
    if (phone.length > limits.phone) fail('phone', `电话超过 ${limits.phone} 个字符`, `the phone is longer than ${limits.phone} characters`);
    else if (phone !== '' && !phonePattern.test(phone)) {
      warnings.push(issue(line, headerOf('phone'), `电话“${phone}”看起来不像电话号码`, `the phone "${phone}" does not look like a phone number`));
    }

    let uscc: string | null = null;
    const usccText = cell('uscc');
    if (usccText !== '') {
      const checked = validateUscc(usccText);
      if (checked.ok) uscc = checked.code;
      else fail('uscc', checked.message.zh, checked.message.en);
    }

    let households: number | null = null;
    const householdsText = cell('households').replace(/[,，]/g, '').replace(/户$/, '').trim();
    if (householdsText !== '') {
      if (/^\d{1,8}(\.0+)?$/.test(householdsText)) households = Number.parseInt(householdsText, 10);
      else fail('households', `户数“${cell('households')}”不是非负整数`, `households "${cell('households')}" is not a whole number`);
    } else if (kind !== undefined && kindHasHouseholds(kind)) {
      warnings.push(issue(line, headerOf('households'), '社区或村未填户数：评定时群众安全感测评的样本量需按户数计算', 'a community or village without households: the survey sample size depends on it'));
    }

    const paper = paperStars(cell('stars'), cell('starsCycle'), cell('lastVetoOn'), lookups.today, fail);

    // Update mode: the unit this row means; its own USCC and name are no duplicates of it.
    const match = updating && district !== undefined && name !== '' ? lookups.findUnit?.(uscc, district.code, name) : undefined;
    if (uscc !== null) {
      const earlier = usccLines.get(uscc);
      const holder = earlier === undefined ? lookups.unitByUscc(uscc) : undefined;
      const existing = holder !== undefined && match !== undefined && match.uscc === uscc ? undefined : holder;
      if (earlier !== undefined) fail('uscc', `统一社会信用代码 ${uscc} 与第 ${earlier} 行重复`, `USCC ${uscc} repeats line ${earlier}`);
      else if (existing !== undefined) fail('uscc', `统一社会信用代码 ${uscc} 已被单位“${existing.name}”使用`, `USCC ${uscc} already belongs to the unit "${existing.name}"`);
      else usccLines.set(uscc, line);
    }
    if (district !== undefined && name !== '') {
      const key = `${district.code}\u0000${name}`;
      const earlier = nameLines.get(key);
      if (earlier !== undefined) fail('name', `${district.name}已有同名单位“${name}”（第 ${earlier} 行）`, `"${name}" in ${district.nameEn} repeats line ${earlier}`);
      else if (!(match !== undefined && match.districtCode === district.code && match.name === name) && lookups.unitExists(district.code, name)) fail('name', `${district.name}已有同名单位“${name}”在名册中`, `"${name}" in ${district.nameEn} is already in the registry`);
      else nameLines.set(key, line);
    }

    // Signed history wins over paper: a row that contradicts the history of the unit it updates is refused.
    const contradiction = paper !== undefined && match !== undefined ? lookups.paperContradiction?.(match.id, paper) : null;
    if (contradiction) fail(contradiction.column, contradiction.zh, contradiction.en);

    errors.push(...rowErrors);
    let draft: UnitDraft | undefined;
    if (rowErrors.length === 0 && kind !== undefined && district !== undefined && industry !== undefined) {
      draft = {
        line,
        name,
        kind,
        industry,
        districtCode: district.code,
        street: street || null,
        address: address || null,
        uscc,
        households,
        contact: contact || null,
        phone: phone || null,
      };
      if (match !== undefined) {
        draft = merged(draft, match);
        draft.unchanged = sameFacts(draft, match);
      }
      if (paper !== undefined) {
        draft.paper = paper;
        draft.unchanged = false;
      }
    }
    const action = !updating ? undefined : match === undefined ? 'new' : draft?.unchanged ? 'same' : 'update';
    if (action !== undefined && draft !== undefined) counts[action] += 1;
    if (preview.length < previewLimit) {
      preview.push({
        line,
        name,
        kind: kind ?? null,
        industry: industry ?? null,
        district: districtText,
        districtCode: district?.code ?? null,
        street,
        address,
        uscc: uscc ?? usccText,
        households: cell('households'),
        contact,
        phone,
        ...(paper !== undefined || cell('stars') !== '' || cell('starsCycle') !== '' || cell('lastVetoOn') !== '' ? { stars: cell('stars'), starsCycle: cell('starsCycle'), lastVetoOn: cell('lastVetoOn') } : {}),
        ok: rowErrors.length === 0,
        ...(action !== undefined ? { action } : {}),
      });
    }
    if (draft !== undefined) drafts.push(draft);
  }
  if (table.rows.length === 0) {
    errors.push(issue(table.headerLine, undefined, '文件中没有单位：表头下面没有数据行', 'the file holds no units: no rows below the header'));
  }
  return { drafts, errors, warnings, preview, previewTruncated: table.rows.length > preview.length, ...(updating ? { counts } : {}) };
}

export { importColumns };
