/** Procedures about the workstation itself: status, backups, jobs. */
import { z } from 'zod';
import { procedure } from '../procedure';

export const StatusSchema = z.object({
  appVersion: z.string(),
  workstationId: z.string(),
  workstationName: z.string(),
  /** A person chose the name; until then the host name stands in and an admin is asked for one. */
  workstationNamed: z.boolean(),
  dbFile: z.string(),
  schemaVersion: z.number().int(),
  latestSchemaVersion: z.number().int(),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), platform: z.string() }),
  counts: z.record(z.string(), z.number().int()),
  /** A job writing to the database right now (saves wait for it), or null. */
  writerJob: z.string().nullable(),
});
export type Status = z.infer<typeof StatusSchema>;

export const systemProcedures = {
  'system.status': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Workstation id, database file, schema and app version',
    input: z.object({}).strict(),
    output: StatusSchema,
  }),
  'system.backup': procedure({
    roles: 'signedIn',
    writes: true, progress: true, audit: ['backup'],
    summary: 'Consistent online backup of the database into the workstation backup folder',
    input: z.object({}).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
  }),
  'system.backupTo': procedure({
    roles: ['admin'],
    writes: true, progress: true, audit: ['backup'],
    summary: 'Consistent online backup of the database into a new file the caller names (an absolute path that does not exist yet)',
    input: z.object({ file: z.string().min(1).max(4096) }).strict(),
    output: z.object({ file: z.string(), bytes: z.number().int() }),
  }),
  'system.integrityCheck': procedure({
    roles: 'signedIn',
    writes: false, job: 'system.integrityCheck',
    summary: 'Check every table of the database for corruption',
    input: z.object({}).strict(),
    output: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
  }),
  'jobs.cancel': procedure({
    roles: 'signedIn',
    writes: false,
    summary: 'Cancel a running job by its id',
    input: z.object({ jobId: z.string().min(1).max(100) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
