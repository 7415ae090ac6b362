/** The user's-language text of a refused certificate call: by its certificate reason when there is one, else as every core error. */
import { errorText } from '../../i18n/error-text';
import type { Translator } from '../../i18n/error-text';

export function certificateErrorText(error: unknown, i18n: Translator): string {
  const reason = (error as { details?: { reason?: unknown } } | null)?.details?.reason;
  if (typeof reason === 'string' && i18n.te(`certs.reasons.${reason}`)) return i18n.t(`certs.reasons.${reason}`);
  return errorText(i18n, error);
}
