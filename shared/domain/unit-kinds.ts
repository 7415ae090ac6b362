/**
 * What is rated (单位类型) and the optional industry that adds rules (行业), with their labels in
 * both languages and the parsing of what people type in a spreadsheet: 企业/社区/村/机关事业单位,
 * 寄递/金融, or the English words.
 */

export const unitKinds = ['enterprise', 'community', 'village', 'institution'] as const;
export type UnitKind = (typeof unitKinds)[number];

export const industries = ['delivery', 'finance'] as const;
export type Industry = (typeof industries)[number];

export interface Label {
  zh: string;
  en: string;
}

export const unitKindLabels: Record<UnitKind, Label> = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  community: { zh: '社区', en: 'Community' },
  village: { zh: '村', en: 'Village' },
  institution: { zh: '机关事业单位', en: 'Public institution' },
};

export const industryLabels: Record<Industry, Label> = {
  delivery: { zh: '寄递', en: 'Delivery' },
  finance: { zh: '金融', en: 'Finance' },
};

/** Kinds whose households count matters to the survey sample (docs/domain.md, SAT-1). */
export function kindHasHouseholds(kind: UnitKind): boolean {
  return kind === 'community' || kind === 'village';
}

const kindWords: Record<string, UnitKind> = {
  enterprise: 'enterprise', 企业: 'enterprise', 公司: 'enterprise', 企业单位: 'enterprise', company: 'enterprise',
  community: 'community', 社区: 'community', 居委会: 'community', 社区居委会: 'community',
  village: 'village', 村: 'village', 行政村: 'village', 村委会: 'village', 村委: 'village',
  institution: 'institution', 机关事业单位: 'institution', 机关: 'institution', 事业单位: 'institution',
  机关单位: 'institution', 机关事业: 'institution', 治安保卫重点单位: 'institution', 'public institution': 'institution',
};

const industryWords: Record<string, Industry> = {
  delivery: 'delivery', 寄递: 'delivery', 寄递物流: 'delivery', 快递: 'delivery', 邮政快递: 'delivery', 物流寄递: 'delivery', express: 'delivery',
  finance: 'finance', 金融: 'finance', 银行: 'finance', 保险: 'finance', 金融保险: 'finance', 银行保险: 'finance', financial: 'finance',
};

/** Words that mean "no industry" in an optional column. */
const noIndustryWords = new Set(['', '无', '-', '—', '/', 'none', 'n/a', '其他', '一般']);

function normalizeWord(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function parseUnitKind(text: string): UnitKind | undefined {
  return kindWords[normalizeWord(text)];
}

/** undefined: not a known industry; null: the cell says there is none. */
export function parseIndustry(text: string): Industry | null | undefined {
  const word = normalizeWord(text);
  if (noIndustryWords.has(word)) return null;
  return industryWords[word];
}

export function isUnitKind(value: string): value is UnitKind {
  return (unitKinds as readonly string[]).includes(value);
}

export function isIndustry(value: string): value is Industry {
  return (industries as readonly string[]).includes(value);
}
