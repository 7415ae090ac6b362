/**
 * A record named as people know it, instead of its id: a unit by its name, an assessment by its
 * unit and cycle, a certificate by its number, a person or a workstation by their name. The
 * renderer puts the words around it in the user's language and links to the record's page.
 */
import { z } from 'zod';

export const recordKinds = ['unit', 'assessment', 'certificate', 'revocation', 'rectification', 'evidence', 'history', 'districtInputs', 'user', 'workstation', 'conflict', 'pack', 'unknown'] as const;
export type RecordKind = (typeof recordKinds)[number];

export const RecordRefSchema = z.object({
  kind: z.enum(recordKinds),
  id: z.string(),
  /** The record's own name (a unit's or a person's, a workstation's, a certificate number, a pack ref); null when unknown here. */
  name: z.string().nullable(),
  /** The unit the record belongs to (an assessment, a certificate, a rectification…). */
  unitName: z.string().nullable(),
  cycle: z.number().int().nullable(),
  /** A district's code (district inputs); the renderer names it in the user's language. */
  district: z.string().nullable(),
});
export type RecordRef = z.infer<typeof RecordRefSchema>;
