/**
 * The certificate's QR text `DX1.<base64url(JSON)>.<base64url(Ed25519 signature)>`: the
 * signature covers exactly the payload bytes, so any change of a field (or of the encoding)
 * breaks it. Parsing never throws on bad input; it says what is wrong.
 */
import crypto from 'node:crypto';
import { CertificatePayloadSchema, maxQrTextLength, qrPrefix } from '@shared/domain/certificate';
import type { CertificatePayload } from '@shared/domain/certificate';

export function signPayload(payload: CertificatePayload, privateKey: crypto.KeyObject): string {
  const bytes = Buffer.from(JSON.stringify(CertificatePayloadSchema.parse(payload)), 'utf8');
  const signature = crypto.sign(null, bytes, privateKey);
  return `${qrPrefix}.${bytes.toString('base64url')}.${signature.toString('base64url')}`;
}

export type ParsedQr = { ok: true; payload: CertificatePayload; payloadBytes: Buffer; signature: Buffer } | { ok: false; problem: string };

const base64url = /^[A-Za-z0-9_-]+$/;

/**
 * The payload of what a plaque's QR reads: `DX1.…` alone, or the verifier page's address with the
 * payload as its fragment (`https://…/verify#DX1.…`, docs/certificates.md). The address is not
 * part of what was signed: only the fragment is checked.
 */
export function qrPayloadText(text: string): string {
  const trimmed = text.trim();
  const hashAt = trimmed.indexOf('#');
  return hashAt >= 0 && /^https?:\/\//.test(trimmed) ? trimmed.slice(hashAt + 1) : trimmed;
}

/** Splits and decodes the text (`DX1.…`, or an address ending in `#DX1.…`); does not check the signature. */
export function parseQrText(text: string): ParsedQr {
  const trimmed = qrPayloadText(text);
  if (trimmed.length > maxQrTextLength) return { ok: false, problem: 'too long' };
  const parts = trimmed.split('.');
  if (parts.length !== 3 || parts[0] !== qrPrefix) return { ok: false, problem: `not of the form ${qrPrefix}.<payload>.<signature>` };
  const [, encodedPayload, encodedSignature] = parts as [string, string, string];
  if (!base64url.test(encodedPayload) || !base64url.test(encodedSignature)) return { ok: false, problem: 'not base64url' };
  const payloadBytes = Buffer.from(encodedPayload, 'base64url');
  const signature = Buffer.from(encodedSignature, 'base64url');
  // Re-encoding must give the same text, or two texts could carry one payload.
  if (payloadBytes.toString('base64url') !== encodedPayload || signature.length !== 64) return { ok: false, problem: 'malformed encoding or signature' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payloadBytes));
  } catch {
    return { ok: false, problem: 'payload is not UTF-8 JSON' };
  }
  const parsed = CertificatePayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'payload fields are not those of a certificate' };
  return { ok: true, payload: parsed.data, payloadBytes, signature };
}

export function signatureMatches(parsed: { payloadBytes: Buffer; signature: Buffer }, publicKey: crypto.KeyObject): boolean {
  try {
    return crypto.verify(null, parsed.payloadBytes, publicKey, parsed.signature);
  } catch {
    return false;
  }
}
