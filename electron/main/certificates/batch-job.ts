/**
 * Batch printing as a job, so 1,000 plaques (~10 s) are drawn in a worker thread while the app
 * keeps answering. The main thread unlocks the keys and hands the worker the signing key in
 * memory (never written anywhere); the worker reads the certificates on its own connection.
 */
import type { JobFunction } from '../context/job-context';
import { fromTransferable } from '../pdf/signer';
import type { TransferableSigningKey } from '../pdf/signer';
import { batchFromConnection } from './documents';

export interface BatchJobInput {
  filter: { district?: string | undefined; cycle?: number | undefined; ids?: string[] | undefined };
  today: string;
  fontsDir: string;
  signingKey: TransferableSigningKey;
}

export interface BatchJobOutput {
  fileName: string;
  pdf: Uint8Array;
  count: number;
}

export const certificatesBatchJob: JobFunction<BatchJobInput, BatchJobOutput> = async (input, context) => {
  const result = await batchFromConnection(context.db, context.workstation.id, input.filter, input.today, context.now(), input.fontsDir, fromTransferable(input.signingKey), {
    progress: (done, total) => context.progress(done, total),
    checkCancelled: () => context.throwIfCancelled(),
  });
  return { fileName: result.fileName, pdf: result.pdf, count: result.count };
};
