// Test helpers: the shipped star pack loaded as the core loads it, and answer sets to vary.
import starJson from '../../../electron/main/rubric/default-packs/wuhan-star-2026.1.json';
import type { LoadedStarPack } from '../../../electron/main/rubric/loaded-pack';
import { validatePackJson } from '../../../electron/main/rubric/pack-store';
import { scoreAssessment } from '../../../electron/main/scoring/index';
import type { ScoringInput, ScoringOptions, ScoringUnit } from '../../../electron/main/scoring/index';
import type { StarPack } from '@shared/rubric/star-pack';

export function loadStarPack(json: unknown = starJson): LoadedStarPack {
  const { pack, ref, sha256 } = validatePackJson(json);
  return { ref, sha256, pack: pack as StarPack };
}

export const starPack = loadStarPack();

/** A copy of the shipped pack's JSON to edit in a test. */
export function starJsonCopy(): Record<string, any> {
  return structuredClone(starJson) as Record<string, any>;
}

/** Full marks on every core item, nothing happened, a large enough survey. */
export function perfectAnswers(): Record<string, unknown> {
  return {
    'RES-1': true, 'RES-2': true, 'RES-3': 4, 'RES-4': true,
    'ORG-1': true, 'ORG-2': 3, 'ORG-3': true,
    'RUL-1': true, 'RUL-2': true, 'RUL-3': true, 'RUL-4': true,
    'PRE-1': 6, 'PRE-2': 6, 'PRE-3': 8, 'PRE-4': true, 'PRE-5': 0,
    'ATR-1': true, 'ATR-2': true, 'ATR-3': true, 'ATR-4': true,
    'STB-1': 100, 'STB-2': true, 'STB-3': true, 'STB-4': 0, 'STB-5': 0, 'STB-6': 0,
    'SAT-1': { respondents: 100, safe: 100 },
    'VETO-1': false, 'VETO-2': false, 'VETO-3': false, 'VETO-4': false, 'VETO-5': false, 'VETO-6': false,
  };
}

export const deliveryPerfect = { 'DLV-1': 100, 'DLV-2': 100, 'DLV-3': 100, 'DLV-4': 100, 'DLV-5': 0, 'DLV-6': 0 };
export const financePerfect = { 'FIN-1': 0, 'FIN-2': 0, 'FIN-3': false };

export const enterprise: ScoringUnit = { kind: 'enterprise', industry: null, households: null };

export function score(
  answers: Record<string, unknown>,
  overrides: Partial<Omit<ScoringInput, 'answers'>> = {},
  options: ScoringOptions = {},
  loaded: LoadedStarPack = starPack,
) {
  return scoreAssessment(
    loaded,
    {
      unit: overrides.unit ?? enterprise,
      answers,
      history: overrides.history ?? { previousStars: 4, lastVetoOn: null },
      assessedOn: overrides.assessedOn ?? '2026-11-20',
    },
    options,
  );
}
