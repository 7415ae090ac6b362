/** An API error from logging in or managing users, in the user's language: its reason when known, else its code. */
import { isApiErrorShape } from '@shared/api/errors';

interface Translator {
  t(key: string, params?: Record<string, unknown>): string;
  te(key: string): boolean;
}

export function authErrorText(i18n: Translator, error: unknown): string {
  if (!isApiErrorShape(error)) return i18n.t('errors.INTERNAL');
  const details = error.details as { reason?: unknown; params?: Record<string, unknown> } | undefined;
  const key = typeof details?.reason === 'string' ? `auth.reasons.${details.reason}` : null;
  if (key !== null && i18n.te(key)) {
    const params = { ...(details?.params ?? {}) };
    if (typeof params.roles === 'string') params.roles = params.roles.split(', ').map((role) => i18n.t(`roles.${role}`)).join(' / ');
    return i18n.t(key, params);
  }
  return i18n.t(`errors.${error.code}`);
}
