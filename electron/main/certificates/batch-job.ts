/**
 * Batch printing as a job, so 1,000 plaques (~10 s) are drawn in a worker thread while the app
 * keeps answering. The main thread unlocks the keys and hands the worker the signing key in
 * memory (never written anywhere); the worker reads the certificates on its own connection.
 */
import crypto from 'node:crypto';
import type { JobFunction } from '../jobs/job';
import type { PdfSigningKey } from '../pdf/signer';
import { batchFromConnection } from './documents';

export interface BatchJobInput {
  filter: { district?: string | undefined; cycle?: number | undefined; ids?: string[] | undefined };
  today: string;
  fontsDir: string;
  signingKey: { certificatePem: string; privateKeyPkcs8: Uint8Array };
}

export interface BatchJobOutput {
  fileName: string;
  pdf: Uint8Array;
  count: number;
}

export function batchJobKey(key: PdfSigningKey): BatchJobInput['signingKey'] {
  return { certificatePem: key.certificatePem, privateKeyPkcs8: key.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer };
}

export const certificatesBatchJob: JobFunction<BatchJobInput, BatchJobOutput> = async (input, context) => {
  const key: PdfSigningKey = {
    certificatePem: input.signingKey.certificatePem,
    privateKey: crypto.createPrivateKey({ key: Buffer.from(input.signingKey.privateKeyPkcs8), format: 'der', type: 'pkcs8' }),
  };
  const result = await batchFromConnection(context.db, context.workstationId, input.filter, input.today, input.fontsDir, key, {
    progress: (done, total) => context.progress(done, total),
    checkCancelled: () => context.throwIfCancelled(),
  });
  return { fileName: result.fileName, pdf: result.pdf, count: result.count };
};
