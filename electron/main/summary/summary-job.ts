/**
 * District and city summaries as a job: at 100,000 units a report takes seconds to gather, draw
 * and sign, so it runs in a worker on its own connection while the app keeps answering. The
 * main thread unlocks the key and hands it over in memory, as batch printing does.
 */
import type { JobFunction } from '../jobs/job';
import { fromTransferable } from '../pdf/signer';
import type { TransferableSigningKey } from '../pdf/signer';
import { buildCitySummary, buildDistrictSummary, signSummary } from './summary-pdf';
import { readWorkstation } from '../workstation/workstation';

export interface SummaryJobInput {
  /** A district code, or null for the city report of every district. */
  district: string | null;
  cycle: number;
  printedBy: string;
  now: string;
  fontsDir: string;
  signingKey: TransferableSigningKey;
}

export interface SummaryJobOutput {
  fileName: string;
  pdf: Uint8Array;
}

export const summaryPdfJob: JobFunction<SummaryJobInput, SummaryJobOutput> = async (input, context) => {
  const deps = { db: context.db, workstation: readWorkstation(context.db, context.workstationId), now: () => new Date(input.now), fontsDir: input.fontsDir };
  context.progress(0, 2, 'draw');
  const built = input.district === null ? buildCitySummary(deps, input.cycle, input.printedBy) : buildDistrictSummary(deps, input.district, input.cycle, input.printedBy);
  context.throwIfCancelled();
  context.progress(1, 2, 'sign');
  const signed = await signSummary(built, context.workstationId, fromTransferable(input.signingKey));
  context.progress(2, 2, 'sign');
  return signed;
};
