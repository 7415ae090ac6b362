/**
 * `dingxing units list`: the registry, filtered by district (code or name), kind, industry, stars
 * or a name/USCC search. `--json` prints an array of units (one row each); without --limit every match is listed.
 */
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { Unit, UnitListInput } from '@shared/api/procedures/units';
import { parseIndustry, parseUnitKind, unitKindLabels, industryLabels } from '@shared/domain/unit-kinds';
import type { CliCommand } from '../command';
import { integerOption, stringOption } from '../command';
import { callCore } from '../call-core';
import type { CliCore } from '../call-core';
import { matchDistrict } from '../district-option';
import { formatTable } from '../text/table';
import { writeFileRefusing } from '../write-output-file';

/** Units per call: the contract's page; a listing of every unit asks page after page. */
const pageSize = 1000;

async function listAll(core: CliCore, filter: Omit<UnitListInput, 'offset' | 'limit'>, offset: number, limit: number | undefined): Promise<{ items: Unit[]; total: number }> {
  const items: Unit[] = [];
  let total = 0;
  for (let at = offset; ; ) {
    const page = await callCore(core, 'units.list', { ...filter, offset: at, limit: Math.min(pageSize, (limit ?? Number.MAX_SAFE_INTEGER) - items.length) });
    total = page.total;
    for (const unit of page.items) items.push(unit);
    at += page.items.length;
    if (page.items.length === 0 || items.length >= (limit ?? Number.MAX_SAFE_INTEGER) || at >= total) return { items, total };
  }
}

export function starGlyphs(stars: number): string {
  return `${'★'.repeat(stars)}${'☆'.repeat(5 - stars)}`;
}

function unitJson(unit: Unit) {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    industry: unit.industry,
    district: unit.districtCode,
    districtName: unit.districtName,
    street: unit.street,
    address: unit.address,
    uscc: unit.uscc,
    households: unit.households,
    contact: unit.contact,
    phone: unit.phone,
    inScope: unit.inScope,
    stars: unit.currentStars,
    lastAssessedOn: unit.lastAssessedOn,
    workstationId: unit.workstationId,
  };
}

function refuse(zh: string, en: string, field: string): never {
  throw new DxError('BAD_INPUT', `${zh} (${en})`, { issues: [{ path: [field], message: zh }] });
}

export const unitsListCommand: CliCommand = {
  path: ['units', 'list'],
  summary: 'List units, optionally by district, kind, industry, stars or a name/USCC search',
  options: {
    district: { type: 'string', help: 'CODE  only units of this district (code such as 420102, or name such as 江岸区)' },
    kind: { type: 'string', help: 'K  enterprise | community | village | institution (or 企业/社区/村/机关事业单位)' },
    industry: { type: 'string', help: 'I  delivery | finance | none (or 寄递/金融/无)' },
    stars: { type: 'string', help: 'N  only units with N stars (0–5)' },
    search: { type: 'string', help: 'TEXT  part of the name, or the start of a USCC' },
    limit: { type: 'string', help: 'N  at most N units (default: all)' },
    offset: { type: 'string', help: 'N  skip the first N units' },
    xlsx: { type: 'string', help: 'FILE  also write every matching unit (with stars and latest score) to an Excel workbook' },
  },
  async run(context) {
    const stars = integerOption(context.values, 'stars', unitsListCommand);
    const limit = integerOption(context.values, 'limit', unitsListCommand);
    const offset = integerOption(context.values, 'offset', unitsListCommand) ?? 0;
    if (stars !== undefined && (stars < 0 || stars > 5)) refuse(`星级应为 0–5，而不是 ${stars}`, `stars must be 0–5, not ${stars}`, 'stars');
    if (limit !== undefined && limit < 1) refuse('--limit 至少为 1', '--limit must be at least 1', 'limit');
    if (offset < 0) refuse('--offset 不能为负数', '--offset must not be negative', 'offset');
    const kindText = stringOption(context.values, 'kind');
    const kind = kindText === undefined ? undefined : parseUnitKind(kindText);
    if (kindText !== undefined && kind === undefined) {
      refuse(`未知的单位类型“${kindText}”（应为 enterprise、community、village 或 institution）`, `unknown kind "${kindText}"`, 'kind');
    }
    const industryText = stringOption(context.values, 'industry');
    const industryParsed = industryText === undefined ? undefined : parseIndustry(industryText);
    if (industryText !== undefined && industryParsed === undefined) refuse(`未知的行业“${industryText}”`, `unknown industry "${industryText}"`, 'industry');
    const industry: UnitListInput['industry'] = industryText === undefined ? undefined : (industryParsed ?? 'none');

    const core = await context.core();
    const districtText = stringOption(context.values, 'district');
    let district: string | undefined;
    if (districtText !== undefined) {
      district = await matchDistrict(core, districtText);
      if (district === undefined) refuse(`未知的区“${districtText}”`, `unknown district "${districtText}"`, 'district');
    }
    const search = stringOption(context.values, 'search');
    const filter = { ...(district === undefined ? {} : { district }), ...(kind === undefined ? {} : { kind }), ...(industry === undefined ? {} : { industry }), ...(stars === undefined ? {} : { stars }), ...(search === undefined ? {} : { search }) };
    const page = await listAll(core, filter, offset, limit);
    const units = page.items;
    const xlsx = stringOption(context.values, 'xlsx');
    if (xlsx !== undefined) await writeFileRefusing(path.resolve(xlsx), Buffer.from((await callCore(core, 'exports.unitsXlsx', filter)).contentBase64, 'base64'));
    const header = ['星级 Stars', '名称 Name', '类型 Kind', '行业', '区 District', '统一社会信用代码 USCC', '最近评定'];
    const rows = units.map((unit) => [
      `${starGlyphs(unit.currentStars)} ${unit.currentStars}`,
      unit.name,
      unitKindLabels[unit.kind].zh,
      unit.industry ? industryLabels[unit.industry].zh : '',
      unit.districtName,
      unit.uscc ?? '',
      unit.lastAssessedOn ?? '',
    ]);
    const summary = `共 ${page.total} 个单位${units.length < page.total ? `，显示 ${units.length} 个` : ''} (${page.total} units${units.length < page.total ? `, ${units.length} shown` : ''})`;
    context.print(
      units.map(unitJson),
      `${units.length === 0 ? summary : `${formatTable(header, rows)}\n\n${summary}`}${xlsx !== undefined ? `\n已写入 Excel (written): ${path.resolve(xlsx)}` : ''}`,
    );
  },
};
