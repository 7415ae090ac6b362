/** What an import did with one bundle: kept in the import history and printed by `dingxing import`. */
import { z } from 'zod';

export const RefusalSchema = z.object({
  /** The entry (and line) at fault, e.g. `records/units.jsonl:12`, or `bundle` for the whole file. */
  entry: z.string(),
  reason: z.string(),
  reasonEn: z.string(),
});
export type Refusal = z.infer<typeof RefusalSchema>;

export const TableCountsSchema = z.record(z.string(), z.number().int());

export const ImportReportSchema = z.object({
  importId: z.string(),
  file: z.string(),
  status: z.enum(['imported', 'refused']),
  bundleId: z.string().nullable(),
  kind: z.string().nullable(),
  source: z.object({ workstationId: z.string(), name: z.string() }).nullable(),
  sequence: z.number().int().nullable(),
  added: TableCountsSchema,
  updated: TableCountsSchema,
  alreadyPresent: TableCountsSchema,
  /** City bundles: registry rows of districts this laptop does not serve, not imported (absent in reports from before the registry travelled). */
  skipped: TableCountsSchema.default({}),
  linked: z.array(z.object({ aliasId: z.string(), unitId: z.string(), name: z.string(), by: z.enum(['uscc', 'district-name']) })),
  conflicts: z.array(z.object({ id: z.string(), table: z.string(), recordId: z.string(), reason: z.string() })),
  refused: z.array(RefusalSchema),
  /** Sequence numbers of this source not received yet, below the highest received. */
  sequenceGaps: z.array(z.number().int()),
  evidenceFiles: z.number().int(),
  importedAt: z.string(),
  importedBy: z.string(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export const ExportResultSchema = z.object({
  file: z.string(),
  bundleId: z.string(),
  sequence: z.number().int(),
  full: z.boolean(),
  counts: TableCountsSchema,
  bytes: z.number().int(),
  changes: z.object({ from: z.number().int(), to: z.number().int() }),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;
