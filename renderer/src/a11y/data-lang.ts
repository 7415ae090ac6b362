/**
 * The language of a piece of data (a unit's name, a person's name, what someone wrote) when it is not the language
 * of the screen: a screen reader then reads 花山社区 with a Chinese voice inside the English view instead of
 * spelling it out. Returns undefined when the text is in the screen's language (nothing to mark).
 */
const han = /[\u3400-\u9fff\uf900-\ufaff]/;
const latinWord = /[A-Za-z]{2,}/;

export function dataLanguage(text: string | null | undefined, screenLocale: string): 'zh-CN' | 'en' | undefined {
  if (!text) return undefined;
  if (screenLocale === 'en') return han.test(text) ? 'zh-CN' : undefined;
  // In the Chinese view: a name written in English only (no Chinese at all), e.g. "Wuhan Optics Valley Bank".
  return !han.test(text) && latinWord.test(text) ? 'en' : undefined;
}
