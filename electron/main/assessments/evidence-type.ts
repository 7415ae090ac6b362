/**
 * What evidence may be: JPEG, PNG, WebP or PDF, at most 10 MB. The type is read from the file's
 * first bytes, not trusted from its name or the browser's claim, so a renamed file is caught.
 */
export { maxEvidenceBytes as evidenceMaxBytes } from '@shared/limits';

export const evidenceMimes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type EvidenceMime = (typeof evidenceMimes)[number];

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((value, index) => bytes[offset + index] === value);
}

export function sniffEvidenceMime(bytes: Uint8Array): EvidenceMime | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return null;
}
