/** Desktop mode: calls go through the preload's one-method-per-procedure bridge. */
import type { Transport } from '@shared/api/client';
import type { DesktopBridge } from '@shared/api/desktop-bridge';

export function createIpcTransport(bridge: DesktopBridge): Transport {
  return {
    async call(name, input, jobId) {
      const method = bridge.procedures[name];
      if (!method) throw { code: 'NOT_FOUND', message: `Unknown procedure ${name}` };
      const result = await method(input, jobId);
      if (result.ok) return result.value;
      throw result.error;
    },
    onProgress: (listener) => bridge.onProgress(listener),
  };
}
