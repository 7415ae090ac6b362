/**
 * Serve mode: calls go to `POST /api/<procedure>` on the same origin with the per-run token, and
 * the tab's login session in `X-Dingxing-Session` (each tab logs in on its own).
 */
import type { Transport } from '@shared/api/client';
import type { JobProgress } from '@shared/api/procedure';

export function createHttpTransport(token: string, session: () => string | null = () => null, baseUrl = ''): Transport {
  const listeners = new Set<(progress: JobProgress) => void>();
  let streaming = false;

  async function streamEvents(): Promise<void> {
    if (streaming) return;
    streaming = true;
    try {
      // fetch instead of EventSource: the token travels in a header, never in a URL.
      const response = await fetch(`${baseUrl}/api/events`, { headers: { Authorization: `Bearer ${token}`, 'X-Dingxing-Session': session() ?? '' } });
      if (!response.ok || !response.body) return;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let boundary = buffer.indexOf('\n\n');
        while (boundary >= 0) {
          const frame = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) {
            const progress = JSON.parse(data.slice('data: '.length)) as JobProgress;
            for (const listener of listeners) listener(progress);
          }
          boundary = buffer.indexOf('\n\n');
        }
      }
    } finally {
      streaming = false;
    }
  }

  return {
    async call(name, input, jobId) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const current = session();
      if (current !== null) headers['X-Dingxing-Session'] = current;
      if (jobId !== undefined) headers['X-Job-Id'] = jobId;
      const response = await fetch(`${baseUrl}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
      const body = (await response.json().catch(() => null)) as { result?: unknown; error?: unknown } | null;
      if (response.ok && body !== null && 'result' in body) return body.result;
      throw body?.error ?? { code: 'INTERNAL', message: `HTTP ${response.status}` };
    },
    onProgress(listener) {
      listeners.add(listener);
      void streamEvents();
      return () => listeners.delete(listener);
    },
  };
}
