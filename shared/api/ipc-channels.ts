/** IPC channel names, shared by the main process and the preload. */
export function ipcChannel(procedureName: string): string {
  return `dx:${procedureName}`;
}

export const progressChannel = 'dx:progress';
