/**
 * Checks a `dingxing.district-inputs/1` document against its schema and the database: every
 * district must exist (by code or name), appear once, and the cycle must have assessments.
 * Every problem is named with where it is, in Chinese and English; nothing is written here.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { ErrorIssue } from '@shared/api/errors';
import { DxError } from '@shared/api/errors';
import { DistrictInputsDocumentSchema, districtInputsFormat } from '@shared/domain/district-inputs';
import type { DistrictInputEntry } from '@shared/domain/district-inputs';
import { createDistrictMatcher } from '@shared/domain/districts';
import { loadDistrictRefs } from '../units/districts';

export interface InputsIssue extends ErrorIssue {
  messageEn: string;
}

export interface ResolvedEntry extends Omit<DistrictInputEntry, 'district' | 'vetoReason'> {
  district: string;
  vetoReason: string | null;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function where(path: readonly (string | number)[]): { zh: string; en: string } {
  if (path[0] === 'districts' && typeof path[1] === 'number') {
    const rest = path.slice(2).join('.');
    return { zh: `第 ${path[1] + 1} 个区县${rest ? ` ${rest}` : ''}`, en: `districts[${path[1]}]${rest ? `.${rest}` : ''}` };
  }
  const text = path.join('.');
  return { zh: text || '文件', en: text || 'the file' };
}

/** One zod issue in words a city office analyst understands. */
function describeZodIssue(issue: z.core.$ZodIssue, raw: unknown): { zh: string; en: string } {
  const present = valueAt(raw, issue.path) !== undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (!present) return { zh: '缺少此项', en: 'is missing' };
      return { zh: `类型错误，应为${issue.expected === 'number' ? '数字' : issue.expected === 'boolean' ? ' true/false' : issue.expected === 'string' ? '文字' : issue.expected}`, en: `should be a ${issue.expected}` };
    case 'too_big':
      return issue.origin === 'array' ? { zh: `最多 ${String(issue.maximum)} 项`, en: `at most ${String(issue.maximum)} entries` } : { zh: `不能大于 ${String(issue.maximum)}`, en: `must be at most ${String(issue.maximum)}` };
    case 'too_small':
      return issue.origin === 'array' ? { zh: `至少 ${String(issue.minimum)} 项`, en: `at least ${String(issue.minimum)} entries` } : { zh: `不能小于 ${String(issue.minimum)}`, en: `must be at least ${String(issue.minimum)}` };
    case 'unrecognized_keys':
      return { zh: `未知的字段 ${issue.keys.join('、')}`, en: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}` };
    case 'invalid_value':
      if (issue.path[0] === 'format') return { zh: `format 应为 "${districtInputsFormat}"`, en: `format must be "${districtInputsFormat}"` };
      return { zh: `应为 ${issue.values.map(String).join('、')} 之一`, en: `must be one of ${issue.values.map(String).join(', ')}` };
    case 'custom':
      return { zh: '最多两位小数', en: issue.message };
    default:
      return { zh: issue.message, en: issue.message };
  }
}

function issueOf(path: (string | number)[], text: { zh: string; en: string }): InputsIssue {
  const place = where(path);
  return { path, message: `${place.zh}：${text.zh}`, messageEn: `${place.en}: ${text.en}` };
}

export function refuseInputs(issues: InputsIssue[]): never {
  const head = `区县考评数据被拒绝，未写入任何内容：共 ${issues.length} 处问题`;
  const headEn = `district inputs refused, nothing written: ${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  throw new DxError('BAD_INPUT', `${head} (${headEn})`, { issues, messageEn: headEn });
}

/** The document's entries with districts resolved to codes, or BAD_INPUT listing every problem. */
export function validateInputsDocument(db: Database, raw: unknown): { cycle: number; entries: ResolvedEntry[] } {
  const issues: InputsIssue[] = [];
  const parsed = DistrictInputsDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
      issues.push(issueOf(path, describeZodIssue(issue, raw)));
    }
  }
  // District names, duplicates and the cycle are checked even when a score is bad, so one run names everything.
  const document = raw as { cycle?: unknown; districts?: unknown };
  const matcher = createDistrictMatcher(loadDistrictRefs(db));
  const seen = new Map<string, number>();
  const entries: ResolvedEntry[] = [];
  if (Array.isArray(document?.districts)) {
    document.districts.forEach((entry: unknown, index: number) => {
      const text = (entry as { district?: unknown } | null)?.district;
      if (typeof text !== 'string' || text.trim() === '') return;
      const match = matcher(text);
      if (!match) {
        issues.push(issueOf(['districts', index, 'district'], { zh: `没有这个区县“${text}”（应为 15 个区县之一的代码或名称）`, en: `no such district "${text}" (use one of the 15 district codes or names)` }));
        return;
      }
      const first = seen.get(match.code);
      if (first !== undefined) {
        issues.push(issueOf(['districts', index, 'district'], { zh: `${match.name} 重复，已在第 ${first + 1} 个区县出现`, en: `${match.nameEn} appears again (first at districts[${first}])` }));
        return;
      }
      seen.set(match.code, index);
      if (parsed.success) {
        const valid = parsed.data.districts[index] as DistrictInputEntry;
        entries.push({ ...valid, district: match.code, vetoReason: valid.vetoReason ?? null });
      }
    });
  }
  if (typeof document?.cycle === 'number' && Number.isInteger(document.cycle)) {
    const assessed = db.prepare('SELECT 1 FROM unit_star_history WHERE cycle = ? LIMIT 1').get(document.cycle);
    if (!assessed) {
      issues.push(issueOf(['cycle'], { zh: `${document.cycle} 年度还没有任何评定结果，不能录入区县考评数据`, en: `cycle ${document.cycle} has no assessments yet; district inputs need a cycle that was assessed` }));
    }
  }
  if (issues.length > 0 || !parsed.success) refuseInputs(issues);
  return { cycle: parsed.data.cycle, entries };
}

