/**
 * The star engine's only mutable state, kept apart from the pure scoring functions: lookup
 * tables that remember finished values of pure functions for one compiled plan (an item's
 * trace entry per answer, the threshold entry per total) and the key order answers last came
 * in per unit profile (a guess that saves a map lookup per answer when bulk answers share one).
 * Scoring with empty tables gives the same result byte for byte; the reference property
 * (test/unit/scoring/reference-agreement.spec.ts) scores runs of assessments on warm ones.
 */
import type { TraceEntry } from '@shared/scoring/result';
import type { ItemCell } from './item-cells';
import { cellSize } from './item-cells';
import type { Plan } from './plan';
import type { ProfileSlot, UnitProfile } from './profile';

export interface PlanMemo {
  /** By ItemPlan.order: finished cells indexed by the answer in integer form (see item-cells.ts). */
  cells: (ItemCell | undefined)[][];
  /** By total in hundredths (0..10000): the threshold decision entry. */
  thresholdEntries: (TraceEntry | undefined)[];
  /** By profile: the slots in the order the last answers came in. */
  keyOrders: WeakMap<UnitProfile, ProfileSlot[]>;
  /** The last profile's order at hand: bulk scoring goes unit after unit of one kind. */
  lastProfile: UnitProfile | undefined;
  lastOrder: ProfileSlot[] | undefined;
}

const memos = new WeakMap<Plan, PlanMemo>();

export function memoFor(plan: Plan): PlanMemo {
  let memo = memos.get(plan);
  if (memo === undefined) {
    memo = {
      cells: plan.items.map((item) => new Array<ItemCell | undefined>(cellSize(item))),
      thresholdEntries: new Array<TraceEntry | undefined>(10_001),
      keyOrders: new WeakMap(),
      lastProfile: undefined,
      lastOrder: undefined,
    };
    memos.set(plan, memo);
  }
  return memo;
}

/** The key order to expect for this profile: the last one seen, else pack order. */
export function expectedKeyOrder(memo: PlanMemo, profile: UnitProfile): ProfileSlot[] {
  if (memo.lastProfile === profile) return memo.lastOrder as ProfileSlot[];
  const order = memo.keyOrders.get(profile) ?? profile.slots;
  memo.lastProfile = profile;
  memo.lastOrder = order;
  return order;
}

export function rememberKeyOrder(memo: PlanMemo, profile: UnitProfile, keys: string[]): void {
  const order = keys.map((key) => profile.byId.get(key) as ProfileSlot);
  memo.keyOrders.set(profile, order);
  memo.lastProfile = profile;
  memo.lastOrder = order;
}
