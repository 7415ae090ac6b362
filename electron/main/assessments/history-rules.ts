/**
 * Pure rules over a unit's star history: the stars held before a cycle (逐级 counts from them),
 * the latest veto on or before a day (the lockout counts from it), and the row that sets the
 * unit's current stars. star-history.ts reads the rows; these decide what they mean.
 */

export interface HistoryEntry {
  id: string;
  assessmentId: string | null;
  cycle: number;
  stars: number;
  previousStars: number;
  assessedOn: string;
  vetoed: boolean;
  /** `paper`: entered from the records kept before the app (units import), not an assessment. */
  source: 'assessment' | 'paper';
  createdAt: string;
}

export interface HistoryContext {
  hasHistory: boolean;
  previousStars: number;
  lastVetoOn: string | null;
}

function byTime(a: HistoryEntry, b: HistoryEntry): number {
  return a.cycle - b.cycle || a.assessedOn.localeCompare(b.assessedOn) || a.createdAt.localeCompare(b.createdAt);
}

/** Pure: the stars a unit held before `cycle`, from its history in force. */
export function starsBeforeCycle(history: readonly HistoryEntry[], cycle: number): number {
  const sorted = [...history].sort(byTime);
  const earlier = sorted.filter((entry) => entry.cycle < cycle);
  const last = earlier[earlier.length - 1];
  if (last) return last.stars;
  const sameCycle = sorted.find((entry) => entry.cycle === cycle);
  return sameCycle ? sameCycle.previousStars : 0;
}

/** Pure: the latest veto on or before `assessedOn`. */
export function lastVetoOnOrBefore(history: readonly HistoryEntry[], assessedOn: string): string | null {
  let latest: string | null = null;
  for (const entry of history) {
    if (entry.vetoed && entry.assessedOn <= assessedOn && (latest === null || entry.assessedOn > latest)) latest = entry.assessedOn;
  }
  return latest;
}

/** Pure: the entry that sets the unit's current stars (latest cycle, then date, then recording time). */
export function latestEntry(history: readonly HistoryEntry[]): HistoryEntry | undefined {
  return [...history].sort(byTime).at(-1);
}

