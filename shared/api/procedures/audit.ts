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

/** The first entry that no longer chains: changed in place, or after a deleted or moved one. */
const BrokenEntrySchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  at: z.string(),
  action: z.string(),
  problem: z.enum(['edited', 'deletedOrReordered']),
  /** The numbers missing before this entry, when there is a gap. */
  missing: z.object({ from: z.number().int(), to: z.number().int() }).nullable(),
});

export const CheckpointVerificationSchema = z.object({
  ok: z.boolean(),
  checkpoints: z.number().int(),
  /** The newest checkpointed entry, or null when none was signed yet. */
  lastSeq: z.number().int().nullable(),
  firstProblem: z.object({ seq: z.number().int(), checkpointId: z.string(), problem: z.enum(['badSignature', 'rewritten', 'trimmed']) }).nullable(),
});

/** Whether the log still ends where it did: not cut back below the last signed checkpoint or export. */
const HeadCheckSchema = z.object({
  ok: z.boolean(),
  lastSeq: z.number().int().nullable(),
  highestSeqUsed: z.number().int().nullable(),
  lastExportSeq: z.number().int().nullable(),
  newestCheckpointSeq: z.number().int().nullable(),
  problem: z.enum(['trimmed', 'checkpointBehindExport']).nullable(),
});

/** Whether every record always written with an audit entry (users, signatures, certificates, …) still has it. */
const AuditedRecordsCheckSchema = z.object({
  ok: z.boolean(),
  checked: z.record(z.string(), z.number().int()),
  missing: z.number().int(),
  missingByKind: z.record(z.string(), z.number().int()),
  firstMissing: z.array(z.object({ kind: z.string(), recordId: z.string(), action: z.string() })),
});

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: BrokenEntrySchema.nullable(),
  checkpoints: CheckpointVerificationSchema,
  head: HeadCheckSchema,
  records: AuditedRecordsCheckSchema,
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

export const AuditCheckpointSchema = z.object({
  id: z.string(),
  workstationId: z.string(),
  seq: z.number().int(),
  entryId: z.string(),
  hash: z.string(),
  reason: z.enum(['interval', 'export', 'manual']),
  signedAt: z.string(),
  publicKey: z.string(),
  signature: z.string(),
});
export type AuditCheckpoint = z.infer<typeof AuditCheckpointSchema>;

export const auditProcedures = {
  'audit.list': procedure({
    roles: ['leader', 'city', 'admin'],
    writes: false,
    summary: 'Audit log entries, newest first, filtered by user, record, action and date',
    input: AuditListInputSchema,
    output: AuditListSchema,
  }),
  'audit.verify': procedure({
    roles: ['leader', 'city', 'admin'],
    writes: false,
    summary: 'Check the audit log’s hash chain and its signed checkpoints; `problems` names the first break of each, in both languages',
    input: z.object({}).strict(),
    output: z.object({ verification: AuditVerificationSchema, problems: z.array(z.string()) }),
  }),
  'audit.checkpoint': procedure({
    roles: ['leader', 'city', 'admin'],
    writes: true,
    summary: 'Sign the audit chain’s head with the workstation key now; null when it is signed already',
    input: z.object({}).strict(),
    output: AuditCheckpointSchema.nullable(),
  }),
};
