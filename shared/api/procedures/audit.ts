/** Procedures of 设置 › 审计日志: the audit log, filtered by user, record and date, with the newest signed checkpoint. */
import { z } from 'zod';
import { procedure } from '../procedure';
import { IsoDateSchema } from '../../assessment/iso-date';
import { RecordRefSchema } from '../../domain/record-ref';

export const AuditListInputSchema = z
  .object({
    /** A user id as recorded (`cli:…` for the command line). */
    actor: z.string().max(200).optional(),
    /** The record an entry is about: its id, or part of it. */
    subject: z.string().trim().max(200).optional(),
    action: z.string().max(100).optional(),
    /** Calendar dates, both included. */
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type AuditListInput = z.input<typeof AuditListInputSchema>;

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The user's display name when the actor is a user of this workstation. */
  actorName: z.string().nullable(),
  action: z.string(),
  subject: z.string().nullable(),
  /** The subject named as people know it (a unit, an assessment's unit and cycle, a person…), with its kind for a link. */
  subjectRef: RecordRefSchema.nullable(),
  data: z.string(),
  /** Details that hold a record's id (unitId, assessmentId, supersedes, source…), named. */
  dataRefs: z.record(z.string(), RecordRefSchema),
  /** Covered by a signed checkpoint. */
  signed: z.boolean(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  items: z.array(AuditEntrySchema),
  actors: z.array(z.object({ actor: z.string(), actorName: z.string().nullable() })),
  actions: z.array(z.string()),
  lastCheckpoint: z.object({ seq: z.number().int(), signedAt: z.string() }).nullable(),
});
export type AuditList = z.infer<typeof AuditListSchema>;

export const auditProcedures = {
  'audit.list': procedure({
    roles: ['leader', 'city', 'admin'],
    summary: 'Audit log entries, newest first, filtered by user, record, action and date',
    input: AuditListInputSchema,
    output: AuditListSchema,
  }),
};
