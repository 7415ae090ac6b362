/**
 * A rubric pack's rules in words, for people checking them: an item's scoring rule, its kind, who
 * it applies to, a star level's extra condition. Pure: the caller passes vue-i18n's `t` and the language.
 */
import type { Bilingual } from '@shared/rubric/label';
import type { AppliesTo, Condition, ItemKind, RubricItem, StarPack } from '@shared/rubric/star-pack';

export type Lang = 'zh-CN' | 'en';
/** vue-i18n's `t(key, named, plural)`; `plural` picks "1 point" or "2 points" where a language has both. */
export type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string;

export function pick(text: Bilingual, lang: Lang): string {
  return lang === 'en' ? text.en : text.zh;
}

/** 0.5 → "0.5", 4 → "4", 0.1 + 0.2 → "0.3": never a float artefact. */
export function num(value: number): string {
  return String(Number(value.toFixed(4)));
}

/** A share 0–1 as a percent: 0.125 → "12.5%". */
export function percent(share: number): string {
  return `${num(share * 100)}%`;
}

const plural = (value: number) => (value === 1 ? 1 : 2);

export function kindText(kind: ItemKind, t: Translate): string {
  return t(`settings.kinds.${kind}`);
}

/** The scoring rule of an item in words, one line per rule (a survey has two: the score and the sample). */
export function ruleLines(item: RubricItem, t: Translate): string[] {
  switch (item.kind) {
    case 'check':
      return [t('settings.rule.check', { points: num(item.points) }, plural(item.points))];
    case 'scale':
      return [t('settings.rule.scale', { points: num(item.points), step: num(item.step) })];
    case 'deduct':
      return [t('settings.rule.deduct', { per: num(item.per), cap: num(item.cap) }, plural(item.per))];
    case 'rate':
      return [t('settings.rule.rate', { full: num(item.full), points: num(item.points), perPoint: num(item.perPoint) })];
    case 'survey':
      return [
        t('settings.rule.survey', { full: num(item.full), points: num(item.points), perPoint: num(item.perPoint) }),
        t('settings.rule.surveySample', { minSample: item.minSample, minShare: num(item.minShare * 100) }),
      ];
    case 'gate':
      return [t('settings.rule.gate', { required: num(item.required), capStars: item.capStars }, plural(item.capStars))];
    case 'veto':
      return [t('settings.rule.veto')];
  }
}

export function ruleText(item: RubricItem, t: Translate, lang: Lang): string {
  return ruleLines(item, t).join(lang === 'en' ? '; ' : '；');
}

/** Who an item applies to: unit kinds and industries (labels from the pack), or every unit. */
export function appliesToText(appliesTo: AppliesTo | undefined, industries: StarPack['industries'], t: Translate, lang: Lang): string {
  const separator = t('settings.appliesTo.separator');
  const kinds = appliesTo?.kinds?.map((kind) => t(`units.kinds.${kind}`)).join(separator);
  const industryNames = appliesTo?.industries
    ?.map((id) => {
      const known = industries.find((industry) => industry.id === id);
      return known ? pick(known.label, lang) : id;
    })
    .join(separator);
  if (kinds && industryNames) return t('settings.appliesTo.both', { kinds, industries: industryNames });
  if (kinds) return t('settings.appliesTo.kinds', { kinds });
  if (industryNames) return t('settings.appliesTo.industries', { industries: industryNames });
  return t('settings.appliesTo.all');
}

/** Every item of a star pack: categories, add-ons and vetoes. */
export function allItems(pack: StarPack): RubricItem[] {
  return [...pack.categories.flatMap((category) => category.items), ...pack.addOns.items, ...pack.vetoes.items];
}

const operators: Record<Condition['op'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '==': '=' };

/** A star level's extra condition: "SAT-1 群众安全感测评：比例 ≥ 90%". */
export function conditionText(condition: Condition, pack: StarPack, t: Translate, lang: Lang): string {
  const item = allItems(pack).find((candidate) => candidate.id === condition.item);
  const value =
    condition.measure === 'rate'
      ? t('settings.condition.percent', { value: num(condition.value) })
      : condition.measure === 'points'
        ? t('settings.condition.points', { value: num(condition.value) }, plural(condition.value))
        : num(condition.value);
  return t('settings.condition.text', {
    item: condition.item,
    label: item ? pick(item.label, lang) : '?',
    measure: t(`settings.condition.measures.${condition.measure}`),
    op: operators[condition.op],
    value,
  });
}
