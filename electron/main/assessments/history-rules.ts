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

export function byTime(a: HistoryEntry, b: HistoryEntry): number {
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


/**
 * Stars a unit held in the paper years, as a units import gives them (当前星级, 星级年度,
 * 最近否决日期). Each becomes a history row marked as entered from paper.
 */
export interface PaperStars {
  stars: number | null;
  cycle: number | null;
  lastVetoOn: string | null;
}

/** A history row to write for paper stars (no assessment behind it). */
export interface PaperEntry {
  cycle: number;
  stars: number;
  previousStars: number;
  assessedOn: string;
  vetoed: boolean;
}

/**
 * Pure: the rows paper stars become. The stars row is dated the cycle's first day, so an
 * assessment signed in the same cycle comes after it; its previous stars are one fewer (逐级:
 * a unit rises at most one star a cycle), so assessing again in that cycle cannot climb past it.
 * A veto becomes a vetoed row on its date.
 */
export function paperEntries(paper: PaperStars): PaperEntry[] {
  const entries: PaperEntry[] = [];
  if (paper.lastVetoOn !== null) entries.push({ cycle: Number(paper.lastVetoOn.slice(0, 4)), stars: 0, previousStars: 0, assessedOn: paper.lastVetoOn, vetoed: true });
  if (paper.stars !== null && paper.cycle !== null) entries.push({ cycle: paper.cycle, stars: paper.stars, previousStars: Math.max(0, paper.stars - 1), assessedOn: `${paper.cycle}-01-01`, vetoed: false });
  return entries;
}

/** Why paper stars contradict the history (and which column), or null. */
export interface PaperContradiction {
  column: 'stars' | 'lastVetoOn';
  zh: string;
  en: string;
}

function starWord(stars: number): { zh: string; en: string } {
  return stars === 0 ? { zh: '无星', en: 'no stars' } : { zh: `${stars} 星`, en: `${stars} star${stars === 1 ? '' : 's'}` };
}

/**
 * Pure: whether paper stars contradict the unit's history in force. Signed history wins: a cycle
 * a signed assessment rated otherwise, or a veto that would have stopped stars signed within the
 * lockout after it, refuses the row; so does a cycle already entered from paper with other stars.
 * `lockoutEnd(veto)` is the first day stars may be awarded again.
 */
export function paperContradiction(history: readonly HistoryEntry[], paper: PaperStars, lockoutEnd: (vetoOn: string) => string): PaperContradiction | null {
  const sorted = [...history].sort(byTime);
  if (paper.stars !== null && paper.cycle !== null) {
    const signed = sorted.filter((entry) => entry.cycle === paper.cycle && entry.source === 'assessment').at(-1);
    if (signed && signed.stars !== paper.stars) {
      const was = starWord(signed.stars);
      return { column: 'stars', zh: `${paper.cycle} 年度已有签署的评定：${signed.vetoed ? '一票否决' : was.zh}（${signed.assessedOn}），与当前星级 ${paper.stars} 矛盾`, en: `a signed assessment of ${paper.cycle} (${signed.assessedOn}) gave ${signed.vetoed ? 'a veto' : was.en}, which contradicts ${paper.stars}` };
    }
    const entered = sorted.filter((entry) => entry.cycle === paper.cycle && entry.source === 'paper' && !entry.vetoed).at(-1);
    if (!signed && entered && entered.stars !== paper.stars) {
      const was = starWord(entered.stars);
      return { column: 'stars', zh: `${paper.cycle} 年度已从纸质记录录入为 ${was.zh}，与当前星级 ${paper.stars} 矛盾`, en: `${paper.cycle} was already entered from paper as ${was.en}, which contradicts ${paper.stars}` };
    }
  }
  if (paper.lastVetoOn !== null) {
    const vetoOn = paper.lastVetoOn;
    const end = lockoutEnd(vetoOn);
    const starred = sorted.find((entry) => entry.source === 'assessment' && !entry.vetoed && entry.stars > 0 && entry.assessedOn >= vetoOn && entry.assessedOn < end);
    if (starred) {
      const was = starWord(starred.stars);
      return { column: 'lastVetoOn', zh: `${vetoOn} 的一票否决与 ${starred.assessedOn} 签署的 ${was.zh} 矛盾：否决后至 ${end} 前不得评星`, en: `a veto on ${vetoOn} contradicts ${was.en} signed on ${starred.assessedOn}: no stars may be awarded before ${end}` };
    }
  }
  return null;
}

/** Pure: whether the history already says what a paper entry would (the same stars in its cycle, a veto on its day). */
export function alreadyInHistory(history: readonly HistoryEntry[], entry: PaperEntry): boolean {
  if (entry.vetoed) return history.some((row) => row.vetoed && row.assessedOn === entry.assessedOn);
  return history.some((row) => !row.vetoed && row.cycle === entry.cycle && row.stars === entry.stars);
}
