/**
 * District and city summaries as a job: at 100,000 units a report takes seconds to gather, draw
 * and sign, so it runs in a worker on its own connection while the app keeps answering. The
 * main thread unlocks the key and hands it over in memory, as batch printing does.
 */
import type { JobFunction } from '../jobs/job';
import { fromTransferable } from '../pdf/signer';
import type { TransferableSigningKey } from '../pdf/signer';
import { buildCitySummary, buildDistrictSummary, signSummary } from './summary-pdf';

export interface SummaryJobInput {
  /** A district code, or null for the city report of every district. */
  district: string | null;
  cycle: number;
  printedBy: string;
  fontsDir: string;
  signingKey: TransferableSigningKey;
}

export interface SummaryJobOutput {
  fileName: string;
  pdf: Uint8Array;
}

export const summaryPdfJob: JobFunction<SummaryJobInput, SummaryJobOutput> = async (input, context) => {
  const drawing = { ...context, fontsDir: input.fontsDir };
  context.progress(0, 2, 'draw');
  const built = input.district === null ? buildCitySummary(drawing, input.cycle, input.printedBy) : buildDistrictSummary(drawing, input.district, input.cycle, input.printedBy);
  context.throwIfCancelled();
  context.progress(1, 2, 'sign');
  const signed = await signSummary(built, context.workstation.id, fromTransferable(input.signingKey));
  context.progress(2, 2, 'sign');
  return signed;
};
