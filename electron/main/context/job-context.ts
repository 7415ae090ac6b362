/**
 * A job: work that may take longer than ~50 ms, so it runs in a worker thread with its own
 * database connection while the main thread keeps answering. A job is a plain function of its
 * input and the same domain context every operation gets (on its worker's connection), with
 * progress and cancellation; jobs/registry.ts lists them.
 */
import type { DomainContext } from './domain-context';

export interface JobContext extends DomainContext {
  progress(done: number, total: number, message?: string): void;
  /** Throws CANCELLED when the caller cancelled; call between steps. */
  throwIfCancelled(): void;
}

export type JobFunction<I = unknown, O = unknown> = (input: I, context: JobContext) => O | Promise<O>;
