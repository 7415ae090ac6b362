/**
 * The columns of a unit import file and the header words that name them, in English or Chinese
 * (docs/units-import.md). Headers are matched after folding case, spaces and full-width forms.
 */

export const importColumns = ['name', 'kind', 'industry', 'district', 'street', 'address', 'uscc', 'households', 'contact', 'phone', 'stars', 'starsCycle', 'lastVetoOn'] as const;
export type ImportColumn = (typeof importColumns)[number];

export const requiredColumns: readonly ImportColumn[] = ['name', 'kind', 'district'];

/** The Chinese header of each column as the template writes it. */
export const chineseHeaders: Record<ImportColumn, string> = {
  name: '名称',
  kind: '类型',
  industry: '行业',
  district: '区',
  street: '街道',
  address: '地址',
  uscc: '统一社会信用代码',
  households: '户数',
  contact: '联系人',
  phone: '电话',
  stars: '当前星级',
  starsCycle: '星级年度',
  lastVetoOn: '最近否决日期',
};

const synonyms: Record<ImportColumn, string[]> = {
  name: ['name', '名称', '单位名称', '单位', 'unitname'],
  kind: ['kind', 'type', '类型', '单位类型', '类别'],
  industry: ['industry', '行业', '所属行业', '行业类别'],
  district: ['district', '区', '所属区', '区县', '辖区', '区域', '所在区'],
  street: ['street', '街道', '街道（乡镇）', '街道(乡镇)', '乡镇街道', '街道乡镇', '乡镇'],
  address: ['address', '地址', '详细地址', '单位地址'],
  uscc: ['uscc', '统一社会信用代码', '社会信用代码', '信用代码', 'creditcode'],
  households: ['households', '户数', '住户数', '总户数'],
  contact: ['contact', '联系人', '负责人'],
  phone: ['phone', '电话', '联系电话', '手机', 'telephone', 'tel'],
  // Stars held from the paper years (docs/units-import.md): each becomes a history row marked as entered from paper.
  stars: ['currentstars', 'stars', '当前星级', '星级', '现有星级'],
  starsCycle: ['starscycle', 'starsyear', '星级年度', '评星年度', '星级年份'],
  lastVetoOn: ['lastvetoon', 'lastveto', '最近否决日期', '否决日期', '最近一次否决日期'],
};

export function normalizeHeader(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_\-*]/g, '');
}

const byHeader = new Map<string, ImportColumn>(
  importColumns.flatMap((column) => synonyms[column].map((word) => [normalizeHeader(word), column] as const)),
);

export function columnOfHeader(header: string): ImportColumn | undefined {
  return byHeader.get(normalizeHeader(header));
}
