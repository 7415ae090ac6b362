/** The UI language: switches vue-i18n and Element Plus together and remembers the choice. */
import { defineStore } from 'pinia';
import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn';
import { rememberLocale } from '../i18n';
import type { Locale } from '../i18n';

export const useLocaleStore = defineStore('locale', () => {
  const { locale } = useI18n({ useScope: 'global' });
  const current = computed(() => locale.value as Locale);
  const elementLocale = computed(() => (current.value === 'en' ? elementEn : elementZhCn));

  function setLocale(next: Locale): void {
    locale.value = next;
    rememberLocale(next);
    document.documentElement.lang = next;
  }

  return { current, elementLocale, setLocale };
});
