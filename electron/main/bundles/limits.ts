/**
 * What a bundle may hold. Past any of these it is refused before it is unpacked further (a zip
 * bomb is refused, not inflated). Sized for a season of one laptop's work with its photos: a
 * bundle of 10,000 assessments with ~450,000 answers is ~60 MB of JSON lines.
 */
export interface BundleLimits {
  /** The .dxb file itself. */
  maxFileBytes: number;
  /** Entries in the zip: the manifest, its signature, a dozen record files and the evidence files. */
  maxEntries: number;
  /** One entry, after inflating. */
  maxEntryBytes: number;
  /** All entries together, after inflating. */
  maxTotalBytes: number;
  /** One JSON line (an assessment with its trace is a few kilobytes). */
  maxLineBytes: number;
}

export const bundleLimits: BundleLimits = {
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  maxEntries: 50_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 3 * 1024 * 1024 * 1024,
  maxLineBytes: 4 * 1024 * 1024,
};
