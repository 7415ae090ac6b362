/**
 * Serve mode: the built renderer and `POST /api/<procedure>` on 127.0.0.1 only.
 * Every API request needs the per-run token; Host and Origin are checked on every request;
 * progress of long jobs streams as server-sent events from `GET /api/events`.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ErrorCode } from '@shared/api/errors';
import { formatMegabytes, maxRequestBodyBytes } from '@shared/limits';
import type { Dispatcher } from '../api/dispatch';
import { contentSecurityPolicy, hostIsAllowed, originIsAllowed, tokenMatches } from './http-security';

export interface HttpServerOptions {
  dispatcher: Dispatcher;
  port: number;
  rendererDir: string;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  maxBodyBytes?: number;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const statusByCode: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  REFUSED: 422,
  CANCELLED: 499,
  DB_TOO_NEW: 503,
  DB_UNAVAILABLE: 503,
  BUSY: 503,
  TOO_LARGE: 413,
  INTERNAL: 500,
};

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { ...securityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(text);
}

function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string, details?: unknown): void {
  sendJson(response, status, { error: details === undefined ? { code, message } : { code, message, details } });
}

class BodyTooLarge extends Error {}

/**
 * Reads a request body up to `limit` bytes. Over it, the rest is read and dropped (not kept)
 * so the client receives the 413 answer instead of a reset connection.
 */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const chunks: Buffer[] = [];
    let size = 0;
    let over = declared > limit;
    request.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => (over ? reject(new BodyTooLarge()) : resolve(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}

function sendTooLarge(response: ServerResponse, limit: number): void {
  response.setHeader('Connection', 'close');
  sendError(
    response,
    413,
    'TOO_LARGE',
    `请求超过 ${formatMegabytes(limit)} 的上限 / the request is over the ${formatMegabytes(limit)} limit`,
    { limitBytes: limit },
  );
}

function serveStatic(rendererDir: string, request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    sendError(response, 400, 'BAD_INPUT', 'Malformed path');
    return;
  }
  const root = path.resolve(rendererDir);
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    sendError(response, 403, 'FORBIDDEN', 'Outside the app');
    return;
  }
  const isFile = fs.existsSync(file) && fs.statSync(file).isFile();
  if (!isFile) {
    // Client-side routes fall back to the app; a missing asset stays a 404.
    if (path.extname(pathname) !== '') {
      sendError(response, 404, 'NOT_FOUND', `No such file: ${pathname}`);
      return;
    }
    file = path.join(root, 'index.html');
    if (!fs.existsSync(file)) {
      sendError(response, 500, 'INTERNAL', `The renderer is not built (${root}). Run "npm run build".`);
      return;
    }
  }
  const immutable = pathname.startsWith('/assets/');
  response.writeHead(200, {
    ...securityHeaders,
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  fs.createReadStream(file).pipe(response);
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBodyBytes = options.maxBodyBytes ?? maxRequestBodyBytes;
  const eventStreams = new Set<ServerResponse>();
  let port = options.port;

  const unsubscribe = options.dispatcher.onProgress((progress) => {
    const frame = `event: progress\ndata: ${JSON.stringify(progress)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });

  async function handleApi(request: IncomingMessage, response: ServerResponse, name: string): Promise<void> {
    if (!tokenMatches(request, token)) {
      sendError(response, 401, 'UNAUTHORIZED', 'Missing or wrong access token: open the URL that "dingxing serve" printed');
      return;
    }
    if (name === 'events' && request.method === 'GET') {
      response.writeHead(200, { ...securityHeaders, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (request.method !== 'POST') {
      response.setHeader('Allow', 'POST');
      sendError(response, 405, 'BAD_INPUT', 'API calls use POST');
      return;
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      sendError(response, 415, 'BAD_INPUT', 'API calls send application/json');
      return;
    }
    let input: unknown;
    try {
      const body = await readBody(request, maxBodyBytes);
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch (error) {
      if (error instanceof BodyTooLarge) sendTooLarge(response, maxBodyBytes);
      else sendError(response, 400, 'BAD_INPUT', `Malformed request body: ${(error as Error).message}`);
      return;
    }
    const jobHeader = request.headers['x-job-id'];
    const jobId = typeof jobHeader === 'string' && jobHeader.length > 0 && jobHeader.length <= 100 ? jobHeader : undefined;
    // Who is calling is the session header's business alone, never the body's.
    const sessionHeader = request.headers['x-dingxing-session'];
    const session = typeof sessionHeader === 'string' && sessionHeader.length > 0 && sessionHeader.length <= 200 ? sessionHeader : null;
    const result = await options.dispatcher.dispatch(name, input, { session }, jobId);
    if (result.ok) sendJson(response, 200, { result: result.value });
    else sendJson(response, statusByCode[result.error.code], { error: result.error });
  }

  const server = http.createServer((request, response) => {
    if (!hostIsAllowed(request, port)) {
      sendError(response, 403, 'FORBIDDEN', 'Foreign Host header');
      return;
    }
    if (!originIsAllowed(request, port)) {
      sendError(response, 403, 'FORBIDDEN', 'Cross-origin request refused');
      return;
    }
    const pathname = (request.url ?? '/').split('?')[0] ?? '/';
    if (pathname.startsWith('/api/')) {
      handleApi(request, response, pathname.slice('/api/'.length)).catch((error: unknown) => {
        if (!response.headersSent) sendError(response, 500, 'INTERNAL', (error as Error).message);
        else response.end();
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendError(response, 405, 'BAD_INPUT', 'Only GET for the app');
      return;
    }
    serveStatic(options.rendererDir, request, response);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const heartbeat = setInterval(() => {
    for (const stream of eventStreams) stream.write(': keep-alive\n\n');
  }, 15_000);
  heartbeat.unref();

  return {
    url: `http://127.0.0.1:${port}/#/?token=${token}`,
    port,
    token,
    close() {
      clearInterval(heartbeat);
      unsubscribe();
      for (const stream of eventStreams) stream.end();
      eventStreams.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
