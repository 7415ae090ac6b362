/**
 * `plan import` and 计划 › 导入: a file of plan entries (CSV or XLSX) with the columns 年度,
 * 统一社会信用代码 (or 区 + 单位名称), 工作站 (its name or id) and 截止日期. Every row is checked
 * before anything is written; a file naming a unit or a workstation that is not known, or any
 * other bad row, is refused whole, each bad line named with its reason. A leader (not the city
 * office) plans only units of the districts their workstation serves.
 */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import type { PlanImportIssue } from '@shared/api/procedures/plan';
import { createDistrictMatcher } from '@shared/domain/districts';
import { readTable } from '../units-import/read-table';
import type { RawTable } from '../units-import/read-table';
import { normalizeHeader } from '../units-import/columns';
import { parseDay } from '../units-import/validate-rows';
import { loadDistrictRefs } from '../units/districts';
import type { PlanWorkstation } from '@shared/api/procedures/plan';

const planColumns = ['cycle', 'uscc', 'district', 'name', 'workstation', 'dueOn'] as const;
type PlanColumn = (typeof planColumns)[number];

const headers: Record<PlanColumn, string> = { cycle: '年度', uscc: '统一社会信用代码', district: '区', name: '单位名称', workstation: '工作站', dueOn: '截止日期' };
const synonyms: Record<PlanColumn, string[]> = {
  cycle: ['年度', '评定年度', '周期', 'cycle', 'year'],
  uscc: ['统一社会信用代码', '社会信用代码', '信用代码', 'uscc'],
  district: ['区', '所属区', '区县', 'district'],
  name: ['单位名称', '名称', '单位', 'name', 'unit'],
  workstation: ['工作站', '工作站名称', '检查组', 'workstation'],
  dueOn: ['截止日期', '截止', '完成期限', 'due', 'dueon'],
};
const byHeader = new Map<string, PlanColumn>(planColumns.flatMap((column) => synonyms[column].map((word) => [normalizeHeader(word), column] as const)));

/** One good row of the file: the unit, who assesses it and by when. */
export interface PlanRow {
  line: number;
  cycle: number;
  unitId: string;
  assigneeId: string;
  dueOn: string;
}

export interface PlanCheckContext {
  workstations: readonly PlanWorkstation[];
  /** Null for the city office; a leader's workstation's districts otherwise. */
  allowedDistricts: ReadonlySet<string> | null;
}

/**
 * The workstations a plan row's 工作站 names: by id, else by the code the city gave it, else by
 * name. A name this workstation shares with an enrolled one means the enrolled one (the city
 * office plans its laptops, not itself); a name two enrolled workstations share matches both.
 */
export function matchWorkstation(workstations: readonly PlanWorkstation[], text: string): PlanWorkstation[] {
  const byId = workstations.filter((station) => station.id === text);
  if (byId.length > 0) return byId;
  const byCode = workstations.filter((station) => station.code !== null && station.code === text.toUpperCase());
  if (byCode.length > 0) return byCode;
  const byName = workstations.filter((station) => station.name === text);
  const others = byName.filter((station) => !station.self);
  return others.length > 0 ? others : byName;
}

/** An XLSX date cell arrives as its serial number (days since 1899-12-30). */
function dayOf(text: string): string | undefined {
  if (/^\d{5}(\.0+)?$/.test(text)) {
    const serial = Number.parseInt(text, 10);
    if (serial < 36526 || serial > 73415) return undefined;
    return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return parseDay(text);
}

export function checkPlanTable(db: Database, table: RawTable, context: PlanCheckContext): { rows: PlanRow[]; errors: PlanImportIssue[] } {
  const errors: PlanImportIssue[] = [];
  const index = new Map<PlanColumn, number>();
  table.header.forEach((header, at) => {
    const column = byHeader.get(normalizeHeader(header));
    if (column !== undefined && !index.has(column)) index.set(column, at);
  });
  const missing: PlanColumn[] = (['cycle', 'workstation', 'dueOn'] as const).filter((column) => !index.has(column));
  if (!index.has('uscc') && !(index.has('district') && index.has('name'))) missing.push('uscc');
  if (missing.length > 0) {
    const names = missing.map((column) => (column === 'uscc' ? '统一社会信用代码（或 区 + 单位名称）' : headers[column]));
    errors.push({ line: table.headerLine, message: `缺少必需的列：${names.join('、')}`, messageEn: `missing required columns: ${missing.map((column) => (column === 'uscc' ? 'uscc (or district + name)' : column)).join(', ')}` });
    return { rows: [], errors };
  }
  const matchDistrict = createDistrictMatcher(loadDistrictRefs(db));
  const unitByUscc = db.prepare('SELECT id, district_code AS districtCode, name FROM units WHERE uscc = ?');
  const unitByName = db.prepare('SELECT id, district_code AS districtCode, name FROM units WHERE district_code = ? AND name = ?');
  const rows: PlanRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (column: PlanColumn) => (index.has(column) ? (row.cells[index.get(column) as number] ?? '').trim() : '');
    const fail = (column: PlanColumn, zh: string, en: string) => errors.push({ line: row.line, column: table.header[index.get(column) as number] ?? headers[column], message: zh, messageEn: en });
    const before = errors.length;

    const cycleText = cell('cycle');
    const cycle = /^\d{4}(\.0+)?$/.test(cycleText) ? Number.parseInt(cycleText, 10) : Number.NaN;
    if (!(cycle >= 2000 && cycle <= 2100)) fail('cycle', `年度“${cycleText}”应为 2000 到 2100 之间的年份`, `cycle "${cycleText}" must be a year from 2000 to 2100`);

    let unit: { id: string; districtCode: string; name: string } | undefined;
    const uscc = cell('uscc').toUpperCase();
    if (uscc !== '') {
      unit = unitByUscc.get(uscc) as typeof unit;
      if (!unit) fail('uscc', `未知的单位：统一社会信用代码 ${uscc} 不在名册中`, `unknown unit: no unit with USCC ${uscc} in the registry`);
    } else {
      const districtText = cell('district');
      const name = cell('name').replace(/\s+/g, ' ');
      const district = districtText === '' ? undefined : matchDistrict(districtText);
      if (districtText === '' || name === '') fail(districtText === '' ? 'district' : 'name', '未填统一社会信用代码时，区和单位名称都要填', 'without a USCC, both the district and the unit name are needed');
      else if (!district) fail('district', `未知的区“${districtText}”`, `unknown district "${districtText}"`);
      else {
        unit = unitByName.get(district.code, name) as typeof unit;
        if (!unit) fail('name', `未知的单位：${district.name}没有名为“${name}”的单位`, `unknown unit: no unit named "${name}" in ${district.nameEn}`);
      }
    }
    if (unit && context.allowedDistricts !== null && !context.allowedDistricts.has(unit.districtCode)) {
      fail(uscc !== '' ? 'uscc' : 'name', `单位“${unit.name}”不在本工作站服务的区：组长只能为本工作站的区编排计划`, `the unit "${unit.name}" is not in a district this workstation serves: a leader plans only those`);
    }

    const stationText = cell('workstation');
    const stations = matchWorkstation(context.workstations, stationText);
    if (stationText === '') fail('workstation', '工作站不能为空', 'the workstation is empty');
    else if (stations.length === 0) fail('workstation', `未知的工作站“${stationText}”：应为本工作站或已登记工作站的名称、代码或编号`, `unknown workstation "${stationText}": use the name, code or id of this workstation or an enrolled one`);
    else if (stations.length > 1) fail('workstation', `有多个工作站名为“${stationText}”，请填写工作站编号`, `several workstations are named "${stationText}": use the id`);

    const dueText = cell('dueOn');
    const dueOn = dayOf(dueText);
    if (dueOn === undefined) fail('dueOn', `截止日期“${dueText}”不是有效日期（如 2026-10-31）`, `due date "${dueText}" is not a date (e.g. 2026-10-31)`);

    if (unit && Number.isInteger(cycle)) {
      const key = `${cycle}\u0000${unit.id}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(uscc !== '' ? 'uscc' : 'name', `${cycle} 年度的“${unit.name}”与第 ${earlier} 行重复`, `"${unit.name}" in ${cycle} repeats line ${earlier}`);
      else seen.set(key, row.line);
    }
    if (errors.length === before && unit && stations[0] && dueOn !== undefined) rows.push({ line: row.line, cycle, unitId: unit.id, assigneeId: stations[0].id, dueOn });
  }
  if (table.rows.length === 0) errors.push({ line: table.headerLine, message: '文件中没有计划：表头下面没有数据行', messageEn: 'the file holds no plan: no rows below the header' });
  return { rows, errors };
}

/** Reads and checks a plan file; refuses it whole (BAD_INPUT, every bad line) when anything is wrong. */
export async function readPlanFile(db: Database, fileName: string, bytes: Uint8Array, context: PlanCheckContext): Promise<PlanRow[]> {
  const table = await readTable(fileName, bytes);
  const { rows, errors } = checkPlanTable(db, table, context);
  if (errors.length > 0) {
    const first = errors.slice(0, 20).map((issue) => `第 ${issue.line} 行${issue.column ? `（${issue.column}）` : ''}：${issue.message}`).join('；');
    throw new DxError('BAD_INPUT', `计划被拒绝，未写入任何内容：${errors.length} 处错误。${first} (plan refused, nothing written: ${errors.length} errors)`, {
      issues: errors.map((issue) => ({ path: issue.column === undefined ? [issue.line] : [issue.line, issue.column], message: `${issue.message} (${issue.messageEn})` })),
      errors,
    });
  }
  return rows;
}
