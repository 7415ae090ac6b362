/**
 * Procedures of the record of truth (docs/registry.md) beside the units and bundles: the
 * assessments signed on a basis the history in force has since changed, and a person's decision
 * on one (it stands; or it is corrected, which on the workstation that signed it starts the
 * correction whose signing re-issues the plaque).
 */
import { z } from 'zod';
import { procedure } from '../procedure';
import { StaleBasisSchema } from './units';

export const StaleBasisRowSchema = StaleBasisSchema.extend({ unitId: z.string(), unitName: z.string(), districtName: z.string() });
export type StaleBasisRow = z.infer<typeof StaleBasisRowSchema>;

export const registryProcedures = {
  'registry.staleBases': procedure({
    roles: 'signedIn',
    summary: 'Assessments signed on an outdated basis (undecided first, newest first)',
    input: z.object({ open: z.boolean().default(false) }).strict(),
    output: z.array(StaleBasisRowSchema),
  }),
  'registry.decideStale': procedure({
    roles: ['leader', 'city'],
    summary: 'Decide on an assessment signed on an outdated basis: it stands, or it is re-issued (on the workstation that signed it, this starts its correction)',
    input: z.object({ assessmentId: z.string().min(1).max(64), decision: z.enum(['reissue', 'stands']), note: z.string().trim().max(500).optional() }).strict(),
    output: z.object({ mark: StaleBasisRowSchema, correctionId: z.string().nullable() }),
  }),
};
