/** vue-i18n's `t` as rule-text.ts wants it, and the current language, for the pack viewer's components. */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import type { Lang, Translate } from './rule-text';

export function useRuleWords() {
  const { t, locale } = useI18n();
  const tr: Translate = (key, named = {}, plural) => (plural === undefined ? t(key, named) : t(key, named, plural));
  const lang = computed<Lang>(() => (locale.value === 'en' ? 'en' : 'zh-CN'));
  return { t, tr, lang };
}
