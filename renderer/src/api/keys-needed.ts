/**
 * Signing needs the workstation's keys. When a call is refused because they are locked or not
 * made yet, whoever listens (the keys dialog) is asked to get them, at that moment; once they
 * are unlocked the call goes again, so a person who clicked 签发证书 gets the plaque, not an error.
 */
import { isApiErrorShape } from '@shared/api/errors';
import type { Transport } from '@shared/api/client';

export type KeysNeed = 'keys-locked' | 'no-keys';
type KeysListener = (need: KeysNeed) => Promise<boolean>;

let listener: KeysListener | null = null;

/** The keys dialog registers here; it answers true when the keys are now unlocked. */
export function onKeysNeeded(handler: KeysListener): () => void {
  listener = handler;
  return () => {
    if (listener === handler) listener = null;
  };
}

export function keysNeedOf(error: unknown): KeysNeed | null {
  if (!isApiErrorShape(error) || error.code !== 'REFUSED') return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return reason === 'keys-locked' || reason === 'no-keys' ? reason : null;
}

export function watchingKeys(transport: Transport): Transport {
  return {
    async call(name, input, jobId) {
      try {
        return await transport.call(name, input, jobId);
      } catch (error) {
        const need = keysNeedOf(error);
        if (need === null || listener === null || name.startsWith('keys.')) throw error;
        if (!(await listener(need))) throw error;
        return transport.call(name, input, jobId);
      }
    },
    onProgress: (progressListener) => transport.onProgress(progressListener),
  };
}
