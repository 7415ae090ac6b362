/**
 * 统一社会信用代码 (Unified Social Credit Code, GB 32100-2015): 18 characters from a 31-symbol
 * alphabet (digits and capitals without I, O, Z, S, V); the 18th is a check character over the
 * first 17 with weights 3^i mod 31. Errors name what is wrong and, for a bad check character,
 * what it should be, so a person can tell a typo from a wrong code.
 */

export const usccAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type UsccResult =
  | { ok: true; code: string }
  | { ok: false; reason: 'length' | 'character' | 'division' | 'checkDigit'; expected?: string; message: { zh: string; en: string } };

/** Upper-cases and drops spaces and full-width forms, the way people paste codes. */
export function normalizeUscc(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters (which must already be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    const value = usccAlphabet.indexOf(first17.charAt(index));
    if (value < 0) throw new Error(`Not a USCC character: ${first17.charAt(index)}`);
    sum += value * (weights[index] as number);
  }
  return usccAlphabet.charAt((31 - (sum % 31)) % 31);
}

export function validateUscc(text: string): UsccResult {
  const code = normalizeUscc(text);
  if (code.length !== 18) {
    return {
      ok: false,
      reason: 'length',
      message: { zh: `统一社会信用代码应为 18 位，实为 ${code.length} 位`, en: `a unified social credit code has 18 characters, not ${code.length}` },
    };
  }
  for (let index = 0; index < 18; index += 1) {
    const character = code.charAt(index);
    if (!usccAlphabet.includes(character)) {
      return {
        ok: false,
        reason: 'character',
        message: {
          zh: `统一社会信用代码第 ${index + 1} 位“${character}”不是有效字符（不含 I、O、Z、S、V）`,
          en: `character ${index + 1} "${character}" is not allowed in a unified social credit code (no I, O, Z, S, V)`,
        },
      };
    }
  }
  // Characters 3–8 are the registering authority's administrative division code: digits only.
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return {
      ok: false,
      reason: 'division',
      message: { zh: '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）', en: 'characters 3–8 of a unified social credit code are a 6-digit division code' },
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code.charAt(17) !== expected) {
    return {
      ok: false,
      reason: 'checkDigit',
      expected,
      message: { zh: `统一社会信用代码校验位错误，应为 ${expected}`, en: `the check character of the unified social credit code is wrong, it should be ${expected}` },
    };
  }
  return { ok: true, code };
}
