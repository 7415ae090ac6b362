/**
 * `VITE_DEV_SERVER_URL` (set by `npm run dev` tooling) points the window at Vite's dev server.
 * A packaged app ignores it: otherwise anyone who can set an environment variable could load
 * their own page with the app's IPC behind it. Only an http(s) URL on this machine is honoured.
 */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface DevServer {
  url: string;
  origin: string;
}

export function devServerFrom(isPackaged: boolean, env: NodeJS.ProcessEnv): DevServer | null {
  const value = env.VITE_DEV_SERVER_URL;
  if (isPackaged || value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !loopbackHosts.has(url.hostname)) return null;
  return { url: url.toString(), origin: url.origin };
}
