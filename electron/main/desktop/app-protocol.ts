/**
 * The production renderer is served from `app://dingxing/`, not file://: a real origin for the
 * CSP and the sender checks, and no access to the rest of the disk. The URL is decoded once,
 * defensively: a malformed %-escape is a 400, anything that would leave the renderer folder a 403.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { contentSecurityPolicy } from '../transports/http-security';

export const appScheme = 'app';
export const appHost = 'dingxing';
export const appOrigin = `${appScheme}://${appHost}`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type AppRequestTarget = { file: string } | { status: 400 | 403 | 404; reason: string };

/** Which file of the renderer folder an app:// URL names, or why none may be served. */
export function resolveAppRequest(rendererDir: string, requestUrl: string): AppRequestTarget {
  const root = path.resolve(rendererDir);
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400, reason: 'Malformed URL' };
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return { status: 404, reason: 'Not this app' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { status: 400, reason: 'Malformed %-escape in the path' };
  }
  if (pathname.includes('\0')) return { status: 400, reason: 'NUL in the path' };
  // An encoded "../" or "..\" survives URL parsing and only appears once decoded.
  if (pathname.split(/[\\/]/).includes('..')) return { status: 403, reason: 'Outside the app' };
  const file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403, reason: 'Outside the app' };
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return { file };
  // Routes live in the hash, so only the folder itself falls back to the app; a missing asset is a 404.
  if (path.extname(pathname) !== '') return { status: 404, reason: 'No such file' };
  return { file: path.join(root, 'index.html') };
}

function withSecurityHeaders(headers: ConstructorParameters<typeof Headers>[0]): Headers {
  const result = new Headers(headers);
  result.set('Content-Security-Policy', contentSecurityPolicy);
  result.set('X-Content-Type-Options', 'nosniff');
  return result;
}

/** Serves one app:// request: the file with the CSP, or the refusal as plain text. */
export async function serveAppRequest(rendererDir: string, request: Request): Promise<Response> {
  const target = resolveAppRequest(rendererDir, request.url);
  if ('status' in target) {
    return new Response(target.reason, { status: target.status, headers: withSecurityHeaders({ 'Content-Type': 'text/plain; charset=utf-8' }) });
  }
  const response = await net.fetch(pathToFileURL(target.file).toString());
  return new Response(response.body, { status: response.status, headers: withSecurityHeaders(response.headers) });
}

export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, (request) => serveAppRequest(rendererDir, request));
}
