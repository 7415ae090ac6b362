/**
 * A workstation's public identity, as `dingxing identity export` writes it and the trust store
 * reads it: enough for anyone to check its QR payloads, PDF signatures and bundles. Never a key
 * that can sign (docs/bundle-format.md describes enrollment).
 */
import { z } from 'zod';

/** What an identity file must hold to be enrolled; the fields a person may have trimmed are optional. */
export const IdentityFileSchema = z.object({
  format: z.literal('dingxing.identity/1'),
  workstationId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/),
  workstationName: z.string().max(200),
  /** Raw 32-byte Ed25519 public key, base64url. */
  ed25519PublicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw 32-byte Ed25519 key in base64url'),
  certificatePem: z.string().max(20_000).optional(),
  /** SHA-256 of the raw Ed25519 public key, hex in groups of four: what a person compares. */
  fingerprint: z.string().optional(),
  createdAt: z.string().optional(),
  /** `city` for the city office's own identity, enrolled on laptops for city bundles. */
  kind: z.enum(['workstation', 'city']).optional(),
});
export type IdentityFile = z.infer<typeof IdentityFileSchema>;

/** This workstation's identity as it shows and exports it: every field present. */
export const PublicIdentitySchema = IdentityFileSchema.omit({ kind: true }).required({ certificatePem: true, fingerprint: true, createdAt: true });
export type PublicIdentity = z.infer<typeof PublicIdentitySchema>;
