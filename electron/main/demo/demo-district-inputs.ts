/**
 * District inputs for the demo's cycles, written so a fresh demo tells every 平安鼎 story: gold,
 * silver and bronze districts, a rise capped at one grade, a demotion, a district veto, a
 * district with too few starred units (汉南区, whose units the demo rarely assesses), one whose
 * 综治 is below the line, and one with no inputs yet for the newest cycle. Grades follow from the
 * engine: each cycle's previous grade is what the engine decided the cycle before.
 */
import type { Database } from 'better-sqlite3';
import type { AspectScores } from '@shared/domain/district-inputs';
import type { DingGrade } from '@shared/rubric/ding-pack';
import { aspectIds } from '@shared/rubric/ding-pack';
import { dingTable } from '../ding/ding-table';
import { appendInputs } from '../ding/inputs-store';
import type { ResolvedEntry } from '../ding/validate-inputs';

/** The district the demo assesses rarely, so its coverage stays under the line. */
export const sparseDemoDistrict = '420113';

type Tier = 'gold' | 'silver' | 'bronze' | 'low' | 'zongzhi' | 'veto' | null;

/**
 * Per district, the tier of its inputs in the demo's last three cycles (2024, 2025, 2026 by
 * default; null: no inputs that cycle). A longer demo repeats the first tier in its earlier cycles.
 */
const plans: Record<string, [Tier, Tier, Tier]> = {
  '420102': ['bronze', 'silver', 'gold'],
  '420103': ['silver', 'gold', 'gold'],
  '420104': ['bronze', 'bronze', 'silver'],
  '420105': ['silver', 'silver', 'silver'],
  '420106': ['bronze', 'silver', 'bronze'],
  '420107': ['bronze', 'bronze', 'bronze'],
  '420111': ['low', 'bronze', 'veto'],
  '420112': ['bronze', 'zongzhi', 'silver'],
  [sparseDemoDistrict]: ['bronze', 'silver', 'silver'], // never eligible: coverage
  '420114': ['bronze', 'low', 'bronze'],
  '420115': ['silver', 'silver', 'gold'],
  '420116': ['bronze', 'bronze', 'zongzhi'],
  '420117': ['silver', 'veto', 'silver'],
  '4201DH': ['silver', 'silver', 'silver'],
  '4201JK': ['bronze', 'bronze', null],
};

const figures: Record<Exclude<Tier, null>, { ruleOfLaw: number; zongzhi: number }> = {
  gold: { ruleOfLaw: 99, zongzhi: 98.5 },
  silver: { ruleOfLaw: 92.5, zongzhi: 90 },
  bronze: { ruleOfLaw: 85, zongzhi: 84 },
  low: { ruleOfLaw: 72, zongzhi: 81 },
  zongzhi: { ruleOfLaw: 90, zongzhi: 77.5 },
  veto: { ruleOfLaw: 91, zongzhi: 88 },
};

/** Spreads the aspects around their mean (the offsets add up to 0), so the heat map has texture. */
const offsets = [1.5, -1, 0.5, -2, 1, -0.5, 0.5, 0];

function aspectsAround(mean: number, shift: number): AspectScores {
  return Object.fromEntries(
    aspectIds.map((id, index) => {
      const offset = offsets[(index + shift) % offsets.length] as number;
      return [id, Math.min(100, Math.max(0, mean + offset))];
    }),
  ) as AspectScores;
}

const vetoReasons = ['辖区内发生一起较大生产安全责任事故', '辖区内发生50人以上群体性事件'];

export function writeDemoDistrictInputs(db: Database, cycles: readonly number[], author: { workstationId: string; enteredBy: string; now: Date }): number {
  let written = 0;
  const previous = new Map<string, DingGrade>();
  cycles.forEach((cycle, cycleIndex) => {
    const districts = db.prepare('SELECT code FROM districts ORDER BY sort').pluck().all() as string[];
    const entries: ResolvedEntry[] = [];
    const planIndex = cycleIndex - (cycles.length - 3);
    districts.forEach((code, districtIndex) => {
      const tier = planIndex >= 0 ? (plans[code]?.[planIndex] ?? null) : (plans[code]?.[0] ?? 'bronze');
      if (tier === null) return;
      const { ruleOfLaw, zongzhi } = figures[tier];
      entries.push({
        district: code,
        ruleOfLaw,
        aspects: aspectsAround(zongzhi, districtIndex + cycleIndex),
        veto: tier === 'veto',
        vetoReason: tier === 'veto' ? (vetoReasons[districtIndex % vetoReasons.length] as string) : null,
        previousGrade: previous.get(code) ?? 'none',
      });
    });
    if (entries.length === 0) return;
    appendInputs(db, cycle, entries, { ...author, source: 'demo' });
    written += entries.length;
    for (const row of dingTable(db, cycle).rows) previous.set(row.district, row.evaluated ? row.grade : 'none');
  });
  return written;
}
