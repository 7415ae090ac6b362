/**
 * Electron IPC transport: one `ipcMain.handle` per procedure. The sender frame's URL is parsed
 * and must be the app's own top frame before the dispatcher (which validates the input) runs.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { procedures } from '@shared/api/contract';
import type { Dispatcher } from '../api/dispatch';
import { appOrigin } from './app-protocol';
import { originOf } from './url-origin';
import { ipcChannel, progressChannel } from '@shared/api/ipc-channels';

export function senderIsTrusted(event: IpcMainInvokeEvent, devServerOrigin: string | null): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const origin = originOf(frame.url);
  if (origin === null) return false;
  return origin === appOrigin || (devServerOrigin !== null && origin === devServerOrigin);
}

export function registerIpcTransport(dispatcher: Dispatcher, devServerOrigin: string | null): () => void {
  const subscribers = new Set<WebContents>();
  const unsubscribe = dispatcher.onProgress((progress) => {
    for (const contents of subscribers) if (!contents.isDestroyed()) contents.send(progressChannel, progress);
  });
  for (const name of Object.keys(procedures)) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown, jobId: unknown) => {
      if (!senderIsTrusted(event, devServerOrigin)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
      }
      subscribers.add(event.sender);
      return dispatcher.dispatch(name, input, typeof jobId === 'string' ? jobId : undefined);
    });
  }
  return () => {
    unsubscribe();
    for (const name of Object.keys(procedures)) ipcMain.removeHandler(ipcChannel(name));
  };
}
