/** Checks every loopback request must pass before anything else: Host, Origin, token. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function allowedOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends its own Host. */
export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host !== undefined && allowedOrigins(port).some((origin) => origin === `http://${host}`);
}

/** Cross-site requests carry the attacker's Origin; tools like curl send none. */
export function originIsAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return allowedOrigins(port).includes(parsed.origin) && origin === parsed.origin;
}

export function tokenMatches(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization;
  if (header === undefined || !header.startsWith('Bearer ')) return false;
  const given = Buffer.from(header.slice('Bearer '.length));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The Content-Security-Policy for the renderer, shared with the Electron protocol handler. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // Element Plus positions popovers with inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
