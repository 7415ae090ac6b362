/**
 * The preload: exposes one method per API procedure and a progress subscription to the page
 * through contextBridge. The page never sees ipcRenderer or a way to name a channel itself.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { procedures } from '@shared/api/contract';
import type { JobProgress } from '@shared/api/procedure';
import type { DesktopBridge } from '@shared/api/desktop-bridge';
import { ipcChannel, progressChannel } from '@shared/api/ipc-channels';

const methods: DesktopBridge['procedures'] = {};
for (const name of Object.keys(procedures)) {
  const channel = ipcChannel(name);
  methods[name] = (input: unknown, jobId?: string) => ipcRenderer.invoke(channel, input, jobId);
}

const bridge: DesktopBridge = {
  procedures: Object.freeze(methods),
  onProgress(listener: (progress: JobProgress) => void) {
    const handler = (_event: IpcRendererEvent, progress: JobProgress) => listener(progress);
    ipcRenderer.on(progressChannel, handler);
    return () => {
      ipcRenderer.off(progressChannel, handler);
    };
  },
};

contextBridge.exposeInMainWorld('dingxing', bridge);
