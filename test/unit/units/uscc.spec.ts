// 统一社会信用代码 (GB 32100-2015): the check character and the errors people see.
import { describe, expect, it } from 'vitest';
import { normalizeUscc, usccCheckCharacter, validateUscc } from '@shared/domain/uscc';

describe('validateUscc', () => {
  // Real codes of well-known companies (public business registrations) and codes computed for tests.
  it.each([
    ['914403001922038216', 'Huawei Technologies'],
    ['91330100716105852F', 'Alibaba (China)'],
    ['9144030071526726XG', 'Tencent (Shenzhen)'],
    ['91110000100017643K', 'a Beijing state company'],
    ['91420102MA4K0001XG', 'a computed Jiang’an code'],
    ['12420106MA4K0003YL', 'a computed institution code'],
  ])('accepts %s (%s)', (code) => {
    expect(validateUscc(code)).toEqual({ ok: true, code });
  });

  it('says what the check character should be when it is wrong', () => {
    const result = validateUscc('91420102MA4K0001XA');
    expect(result).toMatchObject({ ok: false, reason: 'checkDigit', expected: 'G' });
    if (!result.ok) expect(result.message.zh).toBe('统一社会信用代码校验位错误，应为 G');
  });

  it('maps a sum that is a multiple of 31 to the check character 0', () => {
    // 17 zeros weigh 0, so 31 − 0 = 31, which the standard writes as 0.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
  });

  it('refuses a wrong length, a letter outside the alphabet, and letters in the division code', () => {
    expect(validateUscc('91420102MA4K0001X')).toMatchObject({ ok: false, reason: 'length' });
    expect(validateUscc('91420102MA4K0001IG')).toMatchObject({ ok: false, reason: 'character' });
    expect(validateUscc('9142A102MA4K0001XG')).toMatchObject({ ok: false, reason: 'division' });
  });

  it('accepts lower case, spaces and full-width characters the way people paste them', () => {
    expect(normalizeUscc(' 9142 0102ma4k0001xg ')).toBe('91420102MA4K0001XG');
    expect(validateUscc('９１４２０１０２MA4K0001XG')).toMatchObject({ ok: true, code: '91420102MA4K0001XG' });
  });

  it('catches every single-character typo in a valid code', () => {
    const code = '914403001922038216';
    for (let index = 0; index < 17; index += 1) {
      const typo = `${code.slice(0, index)}${code.charAt(index) === '1' ? '2' : '1'}${code.slice(index + 1)}`;
      expect(validateUscc(typo).ok, typo).toBe(false);
    }
  });
});
