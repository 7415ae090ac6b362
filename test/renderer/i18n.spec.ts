// Every Chinese string has an English twin, and domains do not overwrite each other's keys.
import { describe, expect, it } from 'vitest';
import { messageModules, en, zhCN } from '../../renderer/src/i18n/messages/index';
import { createAppI18n, initialLocale } from '../../renderer/src/i18n/index';

function leafPaths(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => leafPaths(value, prefix ? `${prefix}.${key}` : key));
}

describe('i18n', () => {
  it('has the same keys in Chinese and English', () => {
    expect(leafPaths(en).sort()).toEqual(leafPaths(zhCN).sort());
  });

  it('gives each domain its own top-level keys', () => {
    const owners = new Map<string, number>();
    messageModules.forEach((module, index) => {
      for (const key of Object.keys(module.zhCN)) {
        expect(owners.has(key), `top-level key "${key}" is defined twice`).toBe(false);
        owners.set(key, index);
      }
    });
  });

  it('starts in Chinese and remembers English', () => {
    expect(initialLocale({ getItem: () => null })).toBe('zh-CN');
    expect(initialLocale({ getItem: () => 'en' })).toBe('en');
    expect(initialLocale({ getItem: () => 'fr' })).toBe('zh-CN');
    const i18n = createAppI18n('zh-CN');
    expect(i18n.global.t('nav.units')).toBe('单位');
    i18n.global.locale.value = 'en';
    expect(i18n.global.t('nav.units')).toBe('Units');
  });
});
