/**
 * The renderer's API client. The transport is chosen once at start-up: the Electron bridge when
 * the preload put one on `window`, else loopback HTTP with the token `dingxing serve` printed.
 */
import { createApiClient } from '@shared/api/client';
import type { ApiClient, Transport } from '@shared/api/client';
import { isApiErrorShape } from '@shared/api/errors';
import type { ApiErrorShape } from '@shared/api/errors';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';
import { watchingKeys } from './keys-needed';

const tokenKey = 'dingxing.token';

/** Reads the token from the start URL (`#/?token=…`), keeps it for reloads and removes it from the address bar. */
export function takeServeToken(location: Location, storage: Storage, history: History): string | null {
  const hash = location.hash;
  const queryStart = hash.indexOf('?');
  if (queryStart >= 0) {
    const params = new URLSearchParams(hash.slice(queryStart + 1));
    const token = params.get('token');
    if (token) {
      storage.setItem(tokenKey, token);
      params.delete('token');
      const rest = params.toString();
      history.replaceState(history.state, '', `${location.pathname}${hash.slice(0, queryStart)}${rest ? `?${rest}` : ''}`);
      return token;
    }
  }
  return storage.getItem(tokenKey);
}

export type TransportKind = 'electron' | 'http';

const sessionKey = 'dingxing.session';

/**
 * Serve mode keeps the tab's login session in sessionStorage (per tab, gone with the tab); the
 * desktop app never sees it, the main process binds it to the window.
 */
export const loginSession = {
  get: (): string | null => window.sessionStorage.getItem(sessionKey),
  set(value: string | null): void {
    if (value === null) window.sessionStorage.removeItem(sessionKey);
    else window.sessionStorage.setItem(sessionKey, value);
  },
};

type UnauthorizedListener = (error: ApiErrorShape) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called when any call is refused for want of a (live, unlocked) session: the app then asks for the password. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function watchingUnauthorized(transport: Transport): Transport {
  return {
    async call(name, input, jobId) {
      try {
        return await transport.call(name, input, jobId);
      } catch (error) {
        if (isApiErrorShape(error) && error.code === 'UNAUTHORIZED' && !name.startsWith('session.') && !name.startsWith('setup.')) {
          for (const listener of unauthorizedListeners) listener(error);
        }
        throw error;
      }
    },
    onProgress: (listener) => transport.onProgress(listener),
  };
}

function chooseTransport(): { kind: TransportKind; transport: Transport } {
  if (window.dingxing) return { kind: 'electron', transport: createIpcTransport(window.dingxing) };
  const token = takeServeToken(window.location, window.sessionStorage, window.history) ?? '';
  return { kind: 'http', transport: createHttpTransport(token, loginSession.get) };
}

const chosen = chooseTransport();

export const transportKind: TransportKind = chosen.kind;
export const api: ApiClient = createApiClient(watchingKeys(watchingUnauthorized(chosen.transport)));
