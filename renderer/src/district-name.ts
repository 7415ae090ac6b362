/**
 * A district's name in the reader's language: 江岸区 in Chinese, Jiang'an District in English,
 * from the shipped list of Wuhan's 15 districts (shared/domain/districts), matched by code or name.
 */
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { wuhanDistricts } from '@shared/domain/districts';

const byKey = new Map<string, (typeof wuhanDistricts)[number]>();
for (const district of wuhanDistricts) {
  byKey.set(district.code, district);
  byKey.set(district.name, district);
}

export function districtNameIn(locale: string, codeOrName: string | null | undefined, fallback = ''): string {
  const district = codeOrName ? byKey.get(codeOrName) : undefined;
  if (!district) return fallback || codeOrName || '';
  return locale === 'en' ? district.nameEn : district.name;
}

/** `districtName(code, name)` that follows the language switch. */
export function useDistrictName() {
  const { locale } = useI18n();
  const current = computed(() => locale.value);
  return (codeOrName: string | null | undefined, fallback = '') => districtNameIn(current.value, codeOrName, fallback);
}
