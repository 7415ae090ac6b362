/** One kind of work the crash campaign interrupts: it runs the work once, kills it after `afterMs`, and says what it finds wrong. */
import type { World } from './world';

export interface Attempt {
  /** The work was cut off by the kill (false: it ended before). */
  killed: boolean;
  /** How long the work ran, to aim the next kills inside it. */
  ms: number;
  problems: string[];
  /** Where the kill left the work (for instance "partial file refused"), tallied per scenario to show which moments the kills reached. */
  outcome?: string;
}

export interface Scenario {
  name: string;
  /** How long to wait before the first kill, before the work's own duration is known. */
  firstWindowMs: number;
  attempt(world: World, afterMs: number): Promise<Attempt>;
}
