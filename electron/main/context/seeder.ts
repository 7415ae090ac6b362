/**
 * Reference data every workstation needs (default rubric packs, the 15 districts), loaded
 * idempotently on open: each domain that owns such data has a seeder, which host/seed.ts runs.
 */
import type { ContextSource } from './domain-context';

export interface Seeder {
  /** True when some of this seeder's rows are missing (a read, no lock taken). */
  missing(source: ContextSource): boolean;
  /** Writes the missing rows; runs inside the caller's write transaction. */
  seed(source: ContextSource): void;
}
