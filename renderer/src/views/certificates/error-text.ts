/** The user's-language text of a refused certificate call: by its reason when we know it, else the server's message. */
import type { DxError } from '@shared/api/errors';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function certificateErrorText(error: unknown, t: Translate, te: (key: string) => boolean): string {
  const dxError = error as DxError;
  const reason = dxError.details?.reason;
  if (typeof reason === 'string' && te(`certs.reasons.${reason}`)) return t(`certs.reasons.${reason}`);
  if (dxError.code && te(`errors.${dxError.code}`)) return `${t(`errors.${dxError.code}`)}: ${dxError.message}`;
  return String(dxError.message ?? error);
}
