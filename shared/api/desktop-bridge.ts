/** What the Electron preload exposes on `window.dingxing`: one method per procedure. */
import type { CallResult } from './call-result';
import type { JobProgress } from './procedure';

export interface DesktopBridge {
  procedures: Record<string, (input: unknown, jobId?: string) => Promise<CallResult>>;
  onProgress(listener: (progress: JobProgress) => void): () => void;
}
