/**
 * Electron IPC transport: one `ipcMain.handle` per procedure. The sender frame's URL is parsed
 * and must be the app's own top frame before the dispatcher (which validates the input) runs.
 */
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { procedures } from '@shared/api/contract';
import type { CallResult, Dispatcher } from '../api/dispatch';
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

/**
 * Each window has its own login: the session value the core hands out at login stays here, bound
 * to the window's WebContents, and never needs to reach the renderer.
 */
export class WindowSessions {
  private readonly byContents = new Map<number, string>();

  of(contents: WebContents): string | null {
    return this.byContents.get(contents.id) ?? null;
  }

  /** Keeps the session a login or first-admin call returned; forgets it on logout. */
  remember(contents: WebContents, procedure: string, result: CallResult): void {
    if (!result.ok) return;
    if (procedure === 'session.login' || procedure === 'setup.createAdmin') {
      const value = (result.value as { session?: unknown }).session;
      if (typeof value !== 'string') return;
      if (!this.byContents.has(contents.id)) contents.once('destroyed', () => this.byContents.delete(contents.id));
      this.byContents.set(contents.id, value);
    } else if (procedure === 'session.logout') {
      this.byContents.delete(contents.id);
    }
  }
}

export function registerIpcTransport(dispatcher: Dispatcher, devServerOrigin: string | null): () => void {
  const subscribers = new Set<WebContents>();
  const sessions = new WindowSessions();
  const unsubscribe = dispatcher.onProgress((progress) => {
    for (const contents of subscribers) if (!contents.isDestroyed()) contents.send(progressChannel, progress);
  });
  for (const name of Object.keys(procedures)) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown, jobId: unknown) => {
      if (!senderIsTrusted(event, devServerOrigin)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Untrusted sender' } };
      }
      subscribers.add(event.sender);
      const result = await dispatcher.dispatch(name, input, { session: sessions.of(event.sender) }, typeof jobId === 'string' ? jobId : undefined);
      sessions.remember(event.sender, name, result);
      return result;
    });
  }
  return () => {
    unsubscribe();
    for (const name of Object.keys(procedures)) ipcMain.removeHandler(ipcChannel(name));
  };
}
