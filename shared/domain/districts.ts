/**
 * Wuhan's 15 districts as shipped seed data (13 administrative districts by GB/T 2260 code and
 * the two functional zones with codes of our own, see docs/districts.md), and the matching of
 * what people write in a spreadsheet's 区 column ("江岸", "东湖高新区", "经开区") to a code.
 */

export type DistrictKind = 'district' | 'zone';

export interface DistrictSeed {
  code: string;
  name: string;
  nameEn: string;
  kind: DistrictKind;
  sort: number;
  /** Other ways people write the name; the name without 区 is always accepted as well. */
  aliases: string[];
}

export interface DistrictRef {
  code: string;
  name: string;
  nameEn: string;
}

/** The two functional zones have no GB/T 2260 code; ours contain letters so they can never collide with one. */
export const eastLakeZoneCode = '4201DH';
export const economicZoneCode = '4201JK';

export const wuhanDistricts: readonly DistrictSeed[] = [
  { code: '420102', name: '江岸区', nameEn: "Jiang'an District", kind: 'district', sort: 1, aliases: ['Jiangan'] },
  { code: '420103', name: '江汉区', nameEn: 'Jianghan District', kind: 'district', sort: 2, aliases: [] },
  { code: '420104', name: '硚口区', nameEn: 'Qiaokou District', kind: 'district', sort: 3, aliases: ['乔口区', '乔口'] },
  { code: '420105', name: '汉阳区', nameEn: 'Hanyang District', kind: 'district', sort: 4, aliases: [] },
  { code: '420106', name: '武昌区', nameEn: 'Wuchang District', kind: 'district', sort: 5, aliases: [] },
  { code: '420107', name: '青山区', nameEn: 'Qingshan District', kind: 'district', sort: 6, aliases: [] },
  { code: '420111', name: '洪山区', nameEn: 'Hongshan District', kind: 'district', sort: 7, aliases: [] },
  { code: '420112', name: '东西湖区', nameEn: 'Dongxihu District', kind: 'district', sort: 8, aliases: [] },
  { code: '420113', name: '汉南区', nameEn: 'Hannan District', kind: 'district', sort: 9, aliases: [] },
  { code: '420114', name: '蔡甸区', nameEn: 'Caidian District', kind: 'district', sort: 10, aliases: [] },
  { code: '420115', name: '江夏区', nameEn: 'Jiangxia District', kind: 'district', sort: 11, aliases: [] },
  { code: '420116', name: '黄陂区', nameEn: 'Huangpi District', kind: 'district', sort: 12, aliases: [] },
  { code: '420117', name: '新洲区', nameEn: 'Xinzhou District', kind: 'district', sort: 13, aliases: [] },
  {
    code: eastLakeZoneCode,
    name: '东湖新技术开发区',
    nameEn: 'East Lake High-Tech Development Zone',
    kind: 'zone',
    sort: 14,
    aliases: ['东湖高新区', '东湖高新', '东湖开发区', '东湖新技术开发区', '武汉东湖新技术开发区', '光谷', '中国光谷', 'East Lake High-Tech Zone', 'Optics Valley'],
  },
  {
    code: economicZoneCode,
    name: '武汉经济技术开发区',
    nameEn: 'Wuhan Economic and Technological Development Zone',
    kind: 'zone',
    sort: 15,
    aliases: ['武汉开发区', '经开区', '武汉经开区', '经济技术开发区', '沌口开发区', 'WEDZ', 'Wuhan Economic Development Zone'],
  },
];

/** Folds case, spaces and full-width forms so "江岸区 ", "ｊｉａｎｇａｎ" and "Jiang'an" compare equal. */
export function normalizeDistrictText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’·.\-_]/g, '')
    .replace(/^武汉市/, '');
}

function keysOf(district: { code: string; name: string; nameEn: string }, aliases: readonly string[]): string[] {
  const keys = [district.code, district.name, district.nameEn, ...aliases];
  if (district.name.endsWith('区') && district.name.length > 2) keys.push(district.name.slice(0, -1));
  const english = district.nameEn.replace(/\s+(District|Zone)$/i, '');
  keys.push(english);
  return keys.map(normalizeDistrictText).filter((key) => key.length > 0);
}

/**
 * Builds a matcher over the districts in the database (which a person may have edited), with the
 * shipped aliases of the seed codes added. Unknown text gives undefined.
 */
export function createDistrictMatcher(districts: readonly DistrictRef[]): (text: string) => DistrictRef | undefined {
  const byKey = new Map<string, DistrictRef>();
  const seedAliases = new Map(wuhanDistricts.map((seed) => [seed.code, seed.aliases]));
  for (const district of districts) {
    for (const key of keysOf(district, seedAliases.get(district.code) ?? [])) {
      if (!byKey.has(key)) byKey.set(key, district);
    }
  }
  return (text) => byKey.get(normalizeDistrictText(text));
}
