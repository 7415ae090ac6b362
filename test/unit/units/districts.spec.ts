// Wuhan's 15 districts and matching what people write in a 区 column.
import { describe, expect, it } from 'vitest';
import { createDistrictMatcher, wuhanDistricts } from '@shared/domain/districts';

const match = createDistrictMatcher(wuhanDistricts);

describe('the shipped districts', () => {
  it('are the 13 administrative districts by GB/T 2260 code and 2 zones with non-GB codes', () => {
    expect(wuhanDistricts).toHaveLength(15);
    expect(wuhanDistricts.filter((district) => district.kind === 'district').map((district) => district.code)).toEqual([
      '420102', '420103', '420104', '420105', '420106', '420107', '420111', '420112', '420113', '420114', '420115', '420116', '420117',
    ]);
    for (const zone of wuhanDistricts.filter((district) => district.kind === 'zone')) expect(zone.code).toMatch(/[A-Z]/);
    expect(new Set(wuhanDistricts.map((district) => district.name)).size).toBe(15);
  });
});

describe('createDistrictMatcher', () => {
  it.each([
    ['420102', '420102'],
    ['江岸区', '420102'],
    ['江岸', '420102'],
    ['武汉市江岸区', '420102'],
    ["Jiang'an", '420102'],
    ['硚口', '420104'],
    ['东湖高新区', '4201DH'],
    ['东湖新技术开发区', '4201DH'],
    ['光谷', '4201DH'],
    ['武汉开发区', '4201JK'],
    ['经开区', '4201JK'],
    ['武汉经济技术开发区', '4201JK'],
    ['4201dh', '4201DH'],
    ['Hongshan District', '420111'],
  ])('matches %s to %s', (text, code) => {
    expect(match(text)?.code).toBe(code);
  });

  it('does not match other cities or partial words', () => {
    expect(match('朝阳区')).toBeUndefined();
    expect(match('江')).toBeUndefined();
    expect(match('420101')).toBeUndefined();
  });

  it('follows a renamed district in the database', () => {
    const renamed = createDistrictMatcher([{ code: '4201DH', name: '光谷科技新区', nameEn: 'Optics Valley' }]);
    expect(renamed('光谷科技新区')?.code).toBe('4201DH');
    expect(renamed('东湖高新区')?.code).toBe('4201DH');
  });
});
