// Every kind of rubric item reads as a rule in words, in Chinese and in English, as the pack viewer shows it.
import { describe, expect, it } from 'vitest';
import type { RubricItem, StarPack } from '@shared/rubric/star-pack';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import { appliesToText, conditionText, kindText, num, percent, ruleLines, ruleText } from '../../../renderer/src/views/settings/rule-text';
import type { Lang, Translate } from '../../../renderer/src/views/settings/rule-text';

function translator(lang: Lang): Translate {
  const { t } = createAppI18n(lang).global;
  return (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural));
}

const label = { zh: '项目', en: 'Item' };
const base = { label, inferred: true };
const items: Record<RubricItem['kind'], RubricItem> = {
  check: { ...base, id: 'RES-1', kind: 'check', points: 4 },
  scale: { ...base, id: 'RES-3', kind: 'scale', points: 4, step: 0.5 },
  deduct: { ...base, id: 'PRE-5', kind: 'deduct', per: 1, cap: 5 },
  rate: { ...base, id: 'STB-1', kind: 'rate', points: 6, full: 98, perPoint: 0.5 },
  survey: { ...base, id: 'SAT-1', kind: 'survey', points: 15, full: 95, perPoint: 0.5, minSample: 30, minShare: 0.05 },
  gate: { ...base, id: 'DLV-1', kind: 'gate', required: 100, capStars: 2 },
  veto: { ...base, id: 'VETO-1', kind: 'veto' },
};

const expected: Record<Lang, Record<RubricItem['kind'], string[]>> = {
  'zh-CN': {
    check: ['是否：4 分'],
    scale: ['0–4 分，步长 0.5'],
    deduct: ['每项扣 1 分，最多扣 5 分'],
    rate: ['≥98% 得满分 6 分，每低 1 个百分点扣 0.5 分'],
    survey: ['安全感 ≥95% 得满分 15 分，每低 1 个百分点扣 0.5 分', '样本不少于 30 人，且不少于户数的 5%'],
    gate: ['低于 100% 最高 2 星'],
    veto: ['一票否决'],
  },
  en: {
    check: ['Yes/no: 4 points'],
    scale: ['0 to 4 points in steps of 0.5'],
    deduct: ['1 point off each, at most 5 off'],
    rate: ['≥98% scores the full 6 points; 0.5 off per percentage point below'],
    survey: ['Safe ≥95% scores the full 15 points; 0.5 off per percentage point below', 'At least 30 respondents and at least 5% of households'],
    gate: ['Below 100%: at most 2 stars'],
    veto: ['Veto: no stars'],
  },
};

const pack = {
  industries: [{ id: 'delivery', label: { zh: '寄递', en: 'Delivery' } }],
  categories: [{ id: 'SAT', label, max: 15, inferred: true, items: [{ ...items.survey, label: { zh: '群众安全感测评', en: 'Sense-of-safety survey' } }] }],
  addOns: { label, cap: 15, inferred: true, items: [items.gate] },
  vetoes: { label, items: [items.veto] },
} as unknown as StarPack;

describe.each(['zh-CN', 'en'] as const)('rule text in %s', (lang) => {
  const t = translator(lang);

  it.each(Object.keys(items) as RubricItem['kind'][])('words the %s rule', (kind) => {
    expect(ruleLines(items[kind], t)).toEqual(expected[lang][kind]);
    expect(kindText(kind, t)).not.toContain('settings.');
  });

  it('joins a survey’s rules into one line', () => {
    expect(ruleText(items.survey, t, lang)).toBe(expected[lang].survey.join(lang === 'en' ? '; ' : '；'));
  });

  it('names who an item applies to', () => {
    const zh = lang === 'zh-CN';
    expect(appliesToText(undefined, pack.industries, t, lang)).toBe(zh ? '所有单位' : 'All units');
    expect(appliesToText({ industries: ['delivery'] }, pack.industries, t, lang)).toBe(zh ? '寄递行业' : 'Delivery industry');
    expect(appliesToText({ kinds: ['community', 'village'] }, pack.industries, t, lang)).toBe(zh ? '社区、村' : 'Community, Village');
    expect(appliesToText({ kinds: ['enterprise'], industries: ['delivery', 'unknown-one'] }, pack.industries, t, lang)).toBe(
      zh ? '企业中的寄递、unknown-one行业' : 'Enterprise, Delivery, unknown-one industry',
    );
  });

  it('words a star level’s extra conditions', () => {
    const zh = lang === 'zh-CN';
    expect(conditionText({ item: 'SAT-1', measure: 'rate', op: '>=', value: 90 }, pack, t, lang)).toBe(
      zh ? 'SAT-1 群众安全感测评：比例 ≥ 90%' : 'SAT-1 Sense-of-safety survey: rate ≥ 90%',
    );
    expect(conditionText({ item: 'VETO-1', measure: 'answer', op: '==', value: 0 }, pack, t, lang)).toBe(zh ? 'VETO-1 项目：填写数 = 0' : 'VETO-1 Item: answer = 0');
    expect(conditionText({ item: 'DLV-1', measure: 'points', op: '<', value: 1 }, pack, t, lang)).toBe(zh ? 'DLV-1 项目：得分 < 1 分' : 'DLV-1 Item: points < 1 point');
  });
});

describe('numbers', () => {
  it('prints points and shares without float artefacts', () => {
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(4)).toBe('4');
    expect(percent(0.125)).toBe('12.5%');
    expect(percent(0.3)).toBe('30%');
  });

  it('says "1 point" but "0.5 points" in English', () => {
    const t = translator('en');
    expect(ruleLines({ ...base, id: 'X-1', kind: 'check', points: 1 }, t)).toEqual(['Yes/no: 1 point']);
    expect(ruleLines({ ...base, id: 'X-2', kind: 'deduct', per: 0.5, cap: 2 }, t)).toEqual(['0.5 points off each, at most 2 off']);
  });
});
