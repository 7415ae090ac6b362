/**
 * Files too large for one call (a season's bundle with its photos) cross in pieces: an upload is
 * started with its name and size, sent chunk by chunk in order, then named by its id in the call
 * that uses it (`bundles.import`); an exported file is read back the same way by its download id.
 * Every id belongs to the user who made it and lapses after an hour.
 */
import { z } from 'zod';
import { base64Length, formatMegabytes, maxTransferFileBytes, transferChunkBytes } from '../../limits';
import { procedure } from '../procedure';

export const TransferIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, '不是有效的传输编号 / not a valid transfer id');

export const DownloadSchema = z.object({ downloadId: TransferIdSchema, fileName: z.string(), bytes: z.number().int().nonnegative() });
export type Download = z.infer<typeof DownloadSchema>;

export const fileProcedures = {
  'files.startUpload': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Start sending a large file in pieces; answers the upload id and the piece size',
    input: z.object({
      fileName: z.string().min(1).max(255),
      bytes: z
        .number()
        .int()
        .min(1, '文件是空的 / the file is empty')
        .max(maxTransferFileBytes, `文件超过 ${formatMegabytes(maxTransferFileBytes)} 的上限 / the file is over the ${formatMegabytes(maxTransferFileBytes)} limit`),
    }),
    output: z.object({ uploadId: TransferIdSchema, chunkBytes: z.number().int().positive() }),
  }),
  'files.uploadChunk': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Send the next piece of an upload (a piece sent twice is taken once)',
    input: z.object({
      uploadId: TransferIdSchema,
      offset: z.number().int().nonnegative(),
      dataBase64: z.string().min(1).max(base64Length(transferChunkBytes)),
    }),
    output: z.object({ received: z.number().int().nonnegative(), complete: z.boolean() }),
  }),
  'files.readDownload': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Read the piece of an exported file that starts at `offset`',
    input: z.object({ downloadId: TransferIdSchema, offset: z.number().int().nonnegative() }),
    output: z.object({ dataBase64: z.string(), bytes: z.number().int().nonnegative(), nextOffset: z.number().int().nullable() }),
  }),
};
