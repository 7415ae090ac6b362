/**
 * Any error from the core, in the user's language. Core errors carry a stable code, and often a
 * `details.reason` with parameters; those are translated here. A message written in both
 * languages ("中文 / English") shows the side of the current language. What is left (a message in
 * one language only) is never shown raw in the other language: the code's own words stand in,
 * with the fields or items the error names.
 */
import { isApiErrorShape } from '@shared/api/errors';

export interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string): boolean;
  locale: { value: string };
}

const cjk = /[\u3400-\u9fff]/;

/** "中文 / English" → the side for the language; null when the text is not written that way. */
export function bilingualSide(message: string, english: boolean): string | null {
  const at = message.indexOf(' / ');
  if (at < 0) return null;
  const zh = message.slice(0, at).trim();
  const en = message.slice(at + 3).trim();
  // The English side may quote a Chinese name; it is English when it has words of Latin letters.
  if (!cjk.test(zh) || !/[A-Za-z]{3}/.test(en)) return null;
  return english ? en : zh;
}

export function errorText(i18n: Translator, error: unknown): string {
  const english = i18n.locale.value === 'en';
  if (!isApiErrorShape(error)) {
    const message = error instanceof Error ? error.message : '';
    // fetch's own failures ("Failed to fetch") mean the local server is gone.
    return message && cjk.test(message) !== english ? message : i18n.t('errors.INTERNAL');
  }
  const details = (error.details ?? {}) as { reason?: unknown; params?: Record<string, unknown>; issues?: { path: (string | number)[] }[] };
  const key = typeof details.reason === 'string' ? `reasons.${details.reason}` : null;
  if (key !== null && i18n.te(key)) {
    const params = { ...(details.params ?? {}) };
    if (typeof params.roles === 'string') params.roles = params.roles.split(', ').map((role) => i18n.t(`roles.${role}`)).join(' / ');
    return i18n.t(key, params);
  }
  const side = bilingualSide(error.message, english);
  if (side !== null) return side;
  if (cjk.test(error.message) !== english && error.message.length > 0) return error.message;
  const where = (details.issues ?? []).map((issue) => issue.path.join('.')).filter((path) => path.length > 0);
  const code = i18n.t(`errors.${error.code}`);
  return where.length > 0 ? `${code}${english ? ': ' : '：'}${[...new Set(where)].slice(0, 8).join(english ? ', ' : '、')}` : code;
}
