/**
 * The `.dxb` bundle's manifest (docs/bundle-format.md): what the bundle holds, who made it and
 * the sha256 of every other entry. Its exact bytes are what the Ed25519 signature signs.
 */
import { z } from 'zod';

export const bundleFormatVersion = 1;
export const bundleFormat = `dingxing.bundle/${bundleFormatVersion}`;

export const bundleKinds = ['workstation', 'city'] as const;
export type BundleKind = (typeof bundleKinds)[number];

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a sha256 is 64 lower-case hex digits');
const IdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'an id holds letters, digits and - _ . : only');

/** Entry names a bundle may hold: nothing else, and never a path that climbs out. */
export const entryNamePattern = /^(manifest\.json|manifest\.sig|records\/[a-z_]{1,40}\.jsonl|evidence\/[0-9a-f]{64})$/;

export const ManifestEntrySchema = z.strictObject({
  name: z.string().regex(entryNamePattern, 'not a name a bundle may hold'),
  bytes: z.number().int().min(0),
  sha256: Sha256Schema,
});

export const ManifestSchema = z.strictObject({
  format: z.literal(bundleFormat),
  bundleId: IdSchema,
  kind: z.enum(bundleKinds),
  source: z.strictObject({
    workstationId: IdSchema,
    name: z.string().max(200),
    /** Raw 32-byte Ed25519 public key, base64url. */
    ed25519PublicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a raw Ed25519 key in base64url'),
  }),
  /** 1, 2, 3… per source workstation and kind: a gap tells the receiver a bundle is missing. */
  sequence: z.number().int().min(1),
  full: z.boolean(),
  /** The source's change counter range this bundle covers: (from, to]. */
  changes: z.strictObject({ from: z.number().int().min(0), to: z.number().int().min(0) }),
  createdAt: z.string().datetime({ offset: true }),
  createdBy: z.string().max(200),
  /** Records per table (records/<table>.jsonl lines) and evidence files. */
  counts: z.record(z.string().regex(/^[a-z_]{1,40}$/), z.number().int().min(0)),
  entries: z.array(ManifestEntrySchema).max(1_000_000),
});

export type Manifest = z.infer<typeof ManifestSchema>;

/** "dingxing.bundle/7" → 7; undefined for anything else. */
export function formatVersionOf(format: unknown): number | undefined {
  if (typeof format !== 'string') return undefined;
  const match = /^dingxing\.bundle\/(\d{1,6})$/.exec(format);
  return match ? Number(match[1]) : undefined;
}
