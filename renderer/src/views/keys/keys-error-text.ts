/** A refused keys call in the user's language: by its reason (wrong passphrase, keys exist…), else as every core error. */
import { errorText } from '../../i18n/error-text';
import type { Translator } from '../../i18n/error-text';

export function keysErrorText(i18n: Translator, error: unknown): string {
  const reason = (error as { details?: { reason?: unknown } } | null)?.details?.reason;
  if (typeof reason === 'string' && i18n.te(`keys.reasons.${reason}`)) return i18n.t(`keys.reasons.${reason}`);
  return errorText(i18n, error);
}
