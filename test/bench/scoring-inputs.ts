// The star-engine benchmark's work: the shipped pack, a delivery unit and generated answer sets (seeded, so every run scores the same).
import starJson from '../../electron/main/rubric/default-packs/wuhan-star-2026.1.json';
import { validatePackJson } from '../../electron/main/rubric/pack-store';
import type { LoadedStarPack } from '../../electron/main/rubric/loaded-pack';
import type { ScoringHistory, ScoringUnit } from '../../electron/main/scoring/index';
import type { StarPack } from '@shared/rubric/star-pack';

export function loadShippedStarPack(): LoadedStarPack {
  const { pack, ref, sha256 } = validatePackJson(starJson);
  return { ref, sha256, pack: pack as StarPack };
}

export const benchUnit: ScoringUnit = { kind: 'enterprise', industry: 'delivery', households: null };
export const benchHistory: ScoringHistory = { previousStars: 2, lastVetoOn: null };
export const benchAssessedOn = '2026-11-20';

/** `count` valid answer sets for a delivery unit of the shipped pack (40 answers each). */
export function generateAnswers(count: number): Record<string, unknown>[] {
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const list: Record<string, unknown>[] = [];
  for (let index = 0; index < count; index += 1) {
    const respondents = 30 + Math.floor(next() * 200);
    list.push({
      'RES-1': next() < 0.9, 'RES-2': next() < 0.9, 'RES-3': Math.floor(next() * 9) / 2, 'RES-4': next() < 0.9,
      'ORG-1': next() < 0.9, 'ORG-2': Math.floor(next() * 7) / 2, 'ORG-3': next() < 0.9,
      'RUL-1': next() < 0.9, 'RUL-2': next() < 0.9, 'RUL-3': next() < 0.9, 'RUL-4': next() < 0.9,
      'PRE-1': Math.floor(next() * 13) / 2, 'PRE-2': Math.floor(next() * 13) / 2, 'PRE-3': Math.floor(next() * 17) / 2, 'PRE-4': next() < 0.9, 'PRE-5': Math.floor(next() * 4),
      'ATR-1': next() < 0.9, 'ATR-2': next() < 0.9, 'ATR-3': next() < 0.9, 'ATR-4': next() < 0.9,
      'STB-1': 90 + Math.floor(next() * 1000) / 100, 'STB-2': next() < 0.9, 'STB-3': next() < 0.9, 'STB-4': Math.floor(next() * 3), 'STB-5': Math.floor(next() * 2), 'STB-6': Math.floor(next() * 3),
      'SAT-1': { respondents, safe: Math.floor(respondents * (0.8 + next() * 0.2)) },
      'VETO-1': next() < 0.01, 'VETO-2': false, 'VETO-3': false, 'VETO-4': false, 'VETO-5': false, 'VETO-6': false,
      'DLV-1': next() < 0.9 ? 100 : 99, 'DLV-2': 100, 'DLV-3': 100, 'DLV-4': 100, 'DLV-5': Math.floor(next() * 3), 'DLV-6': 0,
    });
  }
  return list;
}
