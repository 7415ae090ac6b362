/**
 * The jobs: work a procedure hands to a worker thread with its own database connection, so the
 * main thread keeps answering while it runs. A procedure names its job in its definition
 * (`job`); electron/main/jobs/registry.ts loads each one, typed by its input and result.
 *
 * `writes`: the job writes from its worker. While it runs it holds the write gate, and every
 * procedure that writes on the main connection waits for it, queued, instead of blocking the
 * main thread on the database lock.
 */
export interface JobDef {
  writes: boolean;
}

export const jobs = {
  'units.importPreview': { writes: false },
  'units.import': { writes: true },
  'demo.load': { writes: true },
  'bundles.export': { writes: true },
  'bundles.import': { writes: true },
  'certificates.batchPdf': { writes: false },
  'summary.pdf': { writes: false },
  'system.integrityCheck': { writes: false },
} as const satisfies Record<string, JobDef>;

export type JobName = keyof typeof jobs;

export function jobWrites(name: JobName): boolean {
  return jobs[name].writes;
}
