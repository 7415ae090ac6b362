// Names and notes keep their own language inside the other language's view, so a screen reader reads them right.
import { describe, expect, it } from 'vitest';
import { dataLanguage } from '../../../renderer/src/a11y/data-lang';

describe('dataLanguage', () => {
  it('marks Chinese data in the English view', () => {
    expect(dataLanguage('花山街道花山社区', 'en')).toBe('zh-CN');
    expect(dataLanguage('Wuhan 光谷 Bank', 'en')).toBe('zh-CN');
    expect(dataLanguage('Optics Valley Bank', 'en')).toBeUndefined();
  });

  it('marks English-only data in the Chinese view, and nothing that is Chinese or only a code', () => {
    expect(dataLanguage('Optics Valley Bank', 'zh-CN')).toBe('en');
    expect(dataLanguage('花山社区', 'zh-CN')).toBeUndefined();
    expect(dataLanguage('420115', 'zh-CN')).toBeUndefined();
    expect(dataLanguage('X', 'zh-CN')).toBeUndefined();
  });

  it('marks nothing for nothing', () => {
    expect(dataLanguage('', 'en')).toBeUndefined();
    expect(dataLanguage(null, 'en')).toBeUndefined();
    expect(dataLanguage(undefined, 'zh-CN')).toBeUndefined();
  });
});
