/**
 * The one writer of bundle_receipts: on a laptop, what the city office did with each of this
 * laptop's bundles (imported with what counts, or refused and why), as the city's bundles report
 * it. Append-only and keyed by the city's import id, so the same receipt twice is kept once.
 */
import type { Database } from 'better-sqlite3';
import type { Receipt } from '@shared/api/procedures/bundles';
import type { ImportReport } from '@shared/bundle/report';

export type { Receipt };

/** Keeps a receipt; false when it was here already. Call inside the import's transaction. */
export function keepReceipt(db: Database, receipt: Receipt): boolean {
  return (
    db
      .prepare(
        `INSERT OR IGNORE INTO bundle_receipts (id, city_workstation_id, bundle_id, sequence, status, report, imported_at, received_in, received_at)
         VALUES (@id, @cityWorkstationId, @bundleId, @sequence, @status, @report, @importedAt, @receivedIn, @receivedAt)`,
      )
      .run({ ...receipt, report: JSON.stringify(receipt.report) }).changes === 1
  );
}

interface ReceiptRow {
  id: string; city_workstation_id: string; bundle_id: string | null; sequence: number | null; status: 'imported' | 'refused'; report: string; imported_at: string; received_in: string; received_at: string;
}

export function listReceipts(db: Database, limit = 500): Receipt[] {
  const rows = db.prepare('SELECT * FROM bundle_receipts ORDER BY imported_at DESC, id DESC LIMIT ?').all(limit) as ReceiptRow[];
  return rows.map((row) => ({
    id: row.id, cityWorkstationId: row.city_workstation_id, bundleId: row.bundle_id, sequence: row.sequence, status: row.status, report: JSON.parse(row.report) as ImportReport,
    importedAt: row.imported_at, receivedIn: row.received_in, receivedAt: row.received_at,
  }));
}
