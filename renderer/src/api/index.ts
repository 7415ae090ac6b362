/**
 * The renderer's API client. The transport is chosen once at start-up: the Electron bridge when
 * the preload put one on `window`, else loopback HTTP with the token `dingxing serve` printed.
 */
import { createApiClient } from '@shared/api/client';
import type { ApiClient, Transport } from '@shared/api/client';
import { createHttpTransport } from './http-transport';
import { createIpcTransport } from './ipc-transport';

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

function chooseTransport(): { kind: TransportKind; transport: Transport } {
  if (window.dingxing) return { kind: 'electron', transport: createIpcTransport(window.dingxing) };
  const token = takeServeToken(window.location, window.sessionStorage, window.history) ?? '';
  return { kind: 'http', transport: createHttpTransport(token) };
}

const chosen = chooseTransport();

export const transportKind: TransportKind = chosen.kind;
export const api: ApiClient = createApiClient(chosen.transport);
