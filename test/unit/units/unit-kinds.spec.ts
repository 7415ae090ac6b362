// Unit kinds and industries: parsing what people write in Chinese or English.
import { describe, expect, it } from 'vitest';
import { industryLabels, parseIndustry, parseUnitKind, unitKindLabels, unitKinds } from '@shared/domain/unit-kinds';

describe('parseUnitKind', () => {
  it.each([
    ['企业', 'enterprise'],
    ['社区', 'community'],
    ['村', 'village'],
    ['机关事业单位', 'institution'],
    ['事业单位', 'institution'],
    ['Enterprise', 'enterprise'],
    [' village ', 'village'],
    ['institution', 'institution'],
  ])('reads %s as %s', (text, kind) => {
    expect(parseUnitKind(text)).toBe(kind);
  });

  it('does not guess unknown words', () => {
    expect(parseUnitKind('商店')).toBeUndefined();
    expect(parseUnitKind('')).toBeUndefined();
  });

  it('has a Chinese and an English label for every kind', () => {
    for (const kind of unitKinds) expect(unitKindLabels[kind].zh && unitKindLabels[kind].en).toBeTruthy();
  });
});

describe('parseIndustry', () => {
  it('reads 寄递/金融 and English, and an empty cell or 无 as no industry', () => {
    expect(parseIndustry('寄递')).toBe('delivery');
    expect(parseIndustry('金融')).toBe('finance');
    expect(parseIndustry('Delivery')).toBe('delivery');
    expect(parseIndustry('')).toBeNull();
    expect(parseIndustry('无')).toBeNull();
    expect(parseIndustry('餐饮')).toBeUndefined();
    expect(industryLabels.delivery.zh).toBe('寄递');
  });
});
