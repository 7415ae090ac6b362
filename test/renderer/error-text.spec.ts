// Core errors in the user's language: reasons translated, bilingual messages split, nothing raw in the other language.
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n';
import { bilingualSide, errorText } from '../../renderer/src/i18n/error-text';

function translator(locale: 'zh-CN' | 'en') {
  const i18n = createAppI18n();
  i18n.global.locale.value = locale;
  return i18n.global as unknown as Parameters<typeof errorText>[0];
}

describe('errorText', () => {
  it('translates a reason with its parameters, role names included', () => {
    const refusal = { code: 'FORBIDDEN', message: 'assessments.sign needs the role leader', details: { reason: 'auth.roleRequired', params: { roles: 'leader' } } };
    expect(errorText(translator('zh-CN'), refusal)).toBe('您没有此操作的权限（需要：组长）');
    expect(errorText(translator('en'), refusal)).toBe('You may not do this (it needs: Team leader)');
  });

  it('shows the side of a bilingual message for the language', () => {
    const conflict = { code: 'CONFLICT', message: '汉阳区已有同名单位“甲” / Hanyang already has a unit named “甲”' };
    expect(errorText(translator('zh-CN'), conflict)).toBe('汉阳区已有同名单位“甲”');
    expect(errorText(translator('en'), conflict)).toBe('Hanyang already has a unit named “甲”');
    expect(bilingualSide('a / b', true)).toBeNull();
  });

  it('never shows an English-only message in the Chinese view: the code’s words and the items it names instead', () => {
    const bad = { code: 'BAD_INPUT', message: '1 answer is not valid for wuhan-star@2026.1: PRE-5', details: { issues: [{ path: ['answers', 'PRE-5'], message: 'too large' }] } };
    expect(errorText(translator('zh-CN'), bad)).toBe('输入有误：answers.PRE-5');
    expect(errorText(translator('en'), bad)).toBe('1 answer is not valid for wuhan-star@2026.1: PRE-5');
  });

  it('turns a failed fetch into the internal-error words of the language', () => {
    expect(errorText(translator('zh-CN'), new TypeError('Failed to fetch'))).toBe('内部错误');
  });
});
