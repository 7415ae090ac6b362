// Demo names at city scale: numerals of any size, numbered branches when the words run out, and an end to naming.
import { describe, expect, it } from 'vitest';
import { branchName, chineseNumeral, communityName, enterpriseName, institutionName, UnitNamer, villageName } from '../../../electron/main/demo/names';
import { seededRandom } from '../../../electron/main/demo/random';

describe('chineseNumeral', () => {
  it('writes numbers as they are written in names', () => {
    const cases: [number, string][] = [[1, '一'], [2, '二'], [10, '十'], [11, '十一'], [20, '二十'], [21, '二十一'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [1010, '一千零一十'], [1234, '一千二百三十四'], [10_000, '一万'], [10_010, '一万零一十'], [12_345, '一万二千三百四十五'], [100_001, '十万零一']];
    for (const [value, text] of cases) expect(chineseNumeral(value), String(value)).toBe(text);
  });

  it('refuses what is not a whole number it can write', () => {
    for (const value of [-1, 1.5, Number.NaN, 100_000_000]) expect(() => chineseNumeral(value)).toThrow(RangeError);
  });
});

describe('UnitNamer', () => {
  it('ends when every draw is taken, numbering branches past the tenth (the demo looped for ever there)', () => {
    const namer = new UnitNamer();
    const names = Array.from({ length: 40 }, () => namer.name('420102', 'community', () => '百步亭社区'));
    expect(new Set(names).size).toBe(40);
    expect(names.slice(0, 3)).toEqual(['百步亭社区', '百步亭第二社区', '百步亭第三社区']);
    expect(names).toContain('百步亭第十一社区');
    expect(names.at(-1)).toBe('百步亭第四十社区');
  });

  it('keeps names unique within a district only, and skips a branch name already in the registry', () => {
    const namer = new UnitNamer([UnitNamer.key('420105', '武汉长江鑫源科技有限公司第二分公司')]);
    const draw = () => '武汉长江鑫源科技有限公司';
    expect(namer.name('420105', 'enterprise', draw)).toBe('武汉长江鑫源科技有限公司');
    expect(namer.name('420105', 'enterprise', draw)).toBe('武汉长江鑫源科技有限公司第三分公司');
    expect(namer.name('420106', 'enterprise', draw)).toBe('武汉长江鑫源科技有限公司');
  });

  it('names 6,700 units of one district, as the city-scale demo does, nearly all from fresh draws', () => {
    const random = seededRandom(7);
    const namer = new UnitNamer();
    // The demo's mix in a rural district (generate-demo.ts): 42% companies, 20% communities, 23% villages, 15% institutions.
    const kinds = [...Array(42).fill('enterprise'), ...Array(20).fill('community'), ...Array(23).fill('village'), ...Array(15).fill('institution')] as ('enterprise' | 'community' | 'village' | 'institution')[];
    const names = Array.from({ length: 6700 }, (_, index) => {
      const kind = kinds[index % kinds.length] as (typeof kinds)[number];
      const draw = () => (kind === 'enterprise' ? enterpriseName(random, null, '420111') : kind === 'community' ? communityName(random, '420111') : kind === 'village' ? villageName(random) : institutionName(random, '420111', '洪山区'));
      return namer.name('420111', kind, draw);
    });
    expect(new Set(names).size).toBe(6700);
    const numbered = names.filter((name) => /第[一二三四五六七八九十百千]+(分公司|社区|分部)$|[二三四五六七八九十]村$/.test(name));
    // Institutions (15% here, 1,000 of them) run out first: a few hundred become 第N分部.
    expect(numbered.length).toBeLessThan(6700 * 0.05);
  });
});

describe('branchName', () => {
  it('numbers each kind of unit as such branches are named', () => {
    expect(branchName('enterprise', '武汉光谷恒通软件有限公司', 12)).toBe('武汉光谷恒通软件有限公司第十二分公司');
    expect(branchName('community', '塔子湖第一社区', 3)).toBe('塔子湖第三社区');
    expect(branchName('village', '张家湾村', 2)).toBe('张家湾二村');
    expect(branchName('institution', '洪山区图书馆', 2)).toBe('洪山区图书馆第二分部');
  });
});
