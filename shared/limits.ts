/**
 * Size limits, each defined once: the renderer checks a file before sending it, the API schema
 * checks it again on the receiving side, and serve mode bounds a request body by it (413 over it).
 */

/** A units file (CSV or XLSX) or any other imported spreadsheet. */
export const maxImportFileBytes = 24 * 1024 * 1024;

/** One evidence photo or document. */
export const maxEvidenceBytes = 10 * 1024 * 1024;

/**
 * A file that crosses in pieces (a bundle to import, or one exported): past the one-call limit,
 * up to the largest bundle a reader accepts. Each piece is one call of at most `transferChunkBytes`.
 */
export const maxTransferFileBytes = 2 * 1024 * 1024 * 1024;
export const transferChunkBytes = 4 * 1024 * 1024;

/** A certificate PDF to verify: a bigger file is no plaque of ours, refused without being read whole. */
export const maxCertificatePdfBytes = 20 * 1024 * 1024;

/** Documents in one `assessments import` run. */
export const maxDocumentsPerImport = 10_000;

/** The length of `bytes` bytes in base64, as they travel inside a JSON call. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/** A request body: the largest file in base64 plus the JSON around it (file name, field names). */
export const maxRequestBodyBytes = base64Length(maxImportFileBytes) + 64 * 1024;

/** "24 MB" for messages (binary megabytes, as file managers on Windows show them). */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
}

/** What an imported spreadsheet may hold; past any of these it is refused before it is unpacked further. */
export const spreadsheetLimits = {
  /** Entries in the .xlsx zip (a workbook has a dozen or two). */
  maxEntries: 2000,
  /** Bytes after decompression, all parts together (a zip bomb is refused, not unpacked). */
  maxUncompressedBytes: 256 * 1024 * 1024,
  /** Worksheet rows (the registry of a whole city fits). */
  maxRows: 200_000,
  /** Worksheet columns: a units file has ten; a cell at XFD1048576 is refused, not allocated. */
  maxColumns: 100,
} as const;

export type SpreadsheetLimits = { [K in keyof typeof spreadsheetLimits]: number };

/** `dingxing demo` and demo.load: up to a city office's registry, over up to ten yearly cycles. */
export const demoLimits = { units: { min: 1, max: 200_000 }, cycles: { min: 1, max: 10 } } as const;
