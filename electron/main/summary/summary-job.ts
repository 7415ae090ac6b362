/**
 * District and city summaries as a job: at 100,000 units a report takes seconds to gather, draw
 * and sign, so it runs in a worker on its own connection while the app keeps answering. The
 * main thread unlocks the key and hands it over in memory, as batch printing does.
 */
import type { JobFunction } from '../context/job-context';
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

/**
 * Progress in pages: `pages`, with the pages drawn out of about how many plus one step for the
 * signature (a district's 10,000 units take some 200 pages), then `sign`. A cancel is honoured
 * between pages.
 */
export const summaryPdfJob: JobFunction<SummaryJobInput, SummaryJobOutput> = async (input, context) => {
  const drawing = { ...context, fontsDir: input.fontsDir };
  context.progress(0, 1, 'pages');
  let estimated = 1;
  const onPage = (drawn: number, about: number) => {
    context.throwIfCancelled();
    estimated = about;
    context.progress(drawn - 1, about + 1, 'pages');
  };
  const built = input.district === null ? buildCitySummary(drawing, input.cycle, input.printedBy, onPage) : buildDistrictSummary(drawing, input.district, input.cycle, input.printedBy, onPage);
  context.throwIfCancelled();
  context.progress(estimated, estimated + 1, 'sign');
  const signed = await signSummary(built, context.workstation.id, fromTransferable(input.signingKey));
  context.progress(estimated + 1, estimated + 1, 'sign');
  return signed;
};
