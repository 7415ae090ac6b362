/** One external input the fuzz campaign damages, and how one damaged case is judged. */
import type fc from 'fast-check';
import type { FuzzWorld } from './world';

export interface FuzzTarget<Case = unknown> {
  name: string;
  cases(world: FuzzWorld): fc.Arbitrary<Case>;
  /** Feeds one case to the workstation; returns what is wrong with how it was handled (empty: fine). */
  check(world: FuzzWorld, value: Case): Promise<string[]>;
}

/** No case may take longer than this: past it, the input hung the workstation. */
export const hangMs = 10_000;
