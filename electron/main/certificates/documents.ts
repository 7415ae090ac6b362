/** The PDFs of certificates, for every door: one plaque (issue, re-print) and batches (print). */
import type { Database } from 'better-sqlite3';
import { DxError } from '@shared/api/errors';
import { localDate } from '../context/local-date';
import { loadPdfFonts } from '../pdf/fonts';
import type { PdfSigningKey } from '../pdf/signer';
import type { ReadContext } from '../context/domain-context';
import type { DocumentTools } from './signing-keys';
import { unlockedKeys } from './signing-keys';
import { batchPlaquePdf, plaquePdf } from './plaque-pdf';
import type { BatchProgress } from './plaque-pdf';
import { getCertificateRow, listCertificateRows, toCertificate } from './repository';
import type { CertificateFilter } from './repository';
import { safeFileName } from '../records/file-names';
import { verificationAddress } from '../workstation/workstation';

export function plaqueFileName(number: string): string {
  return `${number}.pdf`;
}

export async function plaqueDocument(ctx: ReadContext, tools: DocumentTools, certificateId: string): Promise<{ fileName: string; pdf: Buffer }> {
  const certificate = toCertificate(getCertificateRow(ctx.db, certificateId), localDate(ctx.now()));
  const keys = await unlockedKeys(ctx, tools.keyStore);
  const pdf = await plaquePdf(certificate, loadPdfFonts(tools.fontsDir), keys.pdfSigningKey, ctx.now(), verificationAddress(ctx.db).address);
  return { fileName: plaqueFileName(certificate.number), pdf };
}

export interface BatchHooks {
  progress?: BatchProgress;
  checkCancelled?: () => void;
}

/**
 * Every certificate matching the filter that is valid on `today`, one a page, in number order,
 * signed with `key`. Reads through `db`, so a worker thread can run it on its own connection.
 */
export async function batchFromConnection(db: Database, workstationId: string, filter: Pick<CertificateFilter, 'district' | 'cycle' | 'ids'>, today: string, signedAt: Date, fontsDir: string, key: PdfSigningKey, hooks: BatchHooks = {}): Promise<{ fileName: string; pdf: Buffer; count: number }> {
  const rows = listCertificateRows(db, { ...filter, status: 'valid', limit: 100_000 }, today).sort((a, b) => a.cycle - b.cycle || a.district_code.localeCompare(b.district_code) || a.sequence - b.sequence);
  if (rows.length === 0) throw new DxError('NOT_FOUND', '没有符合条件的有效证书可打印 / no valid certificates match: nothing to print', { reason: 'nothing-to-print' });
  const certificates = rows.map((row) => toCertificate(row, today));
  const pdf = await batchPlaquePdf(certificates, loadPdfFonts(fontsDir), key, workstationId, signedAt, { ...hooks, verificationAddress: verificationAddress(db).address });
  // Named by what is inside: 证书-2026-汉阳区.pdf.
  const district = filter.district === undefined ? undefined : ((db.prepare('SELECT name FROM districts WHERE code = ?').pluck().get(filter.district) as string | undefined) ?? filter.district);
  const parts = ['证书', filter.cycle, district].filter((part) => part !== undefined).map((part) => safeFileName(String(part)));
  return { fileName: `${parts.join('-')}.pdf`, pdf, count: certificates.length };
}

/** The batch on the caller's connection (the CLI, and inline jobs). */
export async function batchDocument(ctx: ReadContext, tools: DocumentTools, filter: Pick<CertificateFilter, 'district' | 'cycle' | 'ids'>, hooks: BatchHooks = {}): Promise<{ fileName: string; pdf: Buffer; count: number }> {
  const today = localDate(ctx.now());
  if (listCertificateRows(ctx.db, { ...filter, status: 'valid', limit: 1 }, today).length === 0) {
    throw new DxError('NOT_FOUND', '没有符合条件的有效证书可打印 / no valid certificates match: nothing to print', { reason: 'nothing-to-print' });
  }
  const keys = await unlockedKeys(ctx, tools.keyStore);
  return batchFromConnection(ctx.db, ctx.workstation.id, filter, today, ctx.now(), tools.fontsDir, keys.pdfSigningKey, hooks);
}
