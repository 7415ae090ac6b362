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

/** The two zones' official English names run to 50 letters; a table column shows the form people say. */
const shortEnglish: Record<string, string> = { '4201DH': 'East Lake High-Tech Zone', '4201JK': 'Wuhan Economic Dev. Zone' };

/** For narrow places (table columns): the same name, with the zones' English names shortened. */
export function districtShortNameIn(locale: string, codeOrName: string | null | undefined, fallback = ''): string {
  const district = codeOrName ? byKey.get(codeOrName) : undefined;
  if (locale === 'en' && district && shortEnglish[district.code]) return shortEnglish[district.code] as string;
  return districtNameIn(locale, codeOrName, fallback);
}
