/**
 * The one place the workflow meets the star engine (electron/main/scoring, electron/main/rubric):
 * load the pack in force, decide which items apply, score answers. Everything else in
 * assessments/ goes through these functions, so the engine's API is wired in exactly once.
 */
import type { Database } from 'better-sqlite3';
import type { Answers, ScoreResult } from '@shared/api/procedures/assessments';
import type { RubricItem, SurveyItem } from '@shared/rubric/star-pack';
import type { UnitContext } from '@shared/rubric/unit-kind';
import { getRubricPack, itemApplies as engineItemApplies, minimumSurveySample, scoreAssessment } from '../scoring/index';
import type { LoadedStarPack } from '../scoring/index';
import { defaultStarRubricRef } from '../rubric/default-packs';
import { packInForce } from '../rubric/pack-in-force';

/** The star pack new assessments use when none is named and no stored pack is in force for their cycle. */
export const defaultRubricId = defaultStarRubricRef;

/** The star pack in force for a cycle (rubric/pack-in-force.ts): what a new assessment uses when none is named. */
export function packRefForCycle(db: Database, cycle: number): string {
  return packInForce(db, cycle);
}

export type LoadedPack = LoadedStarPack;

export interface ScoreOptions {
  assessedOn: string;
  previousStars: number;
  lastVetoOn: string | null;
  /** Score what is there and report completeness instead of refusing missing answers. */
  draft: boolean;
}

// A stored pack never changes under its ref (the pack store refuses other content), so each
// connection reads and parses it once instead of on every keystroke's preview.
const packsByConnection = new WeakMap<Database, Map<string, LoadedPack>>();

export function loadPack(db: Database, ref: string): LoadedPack {
  let packs = packsByConnection.get(db);
  if (packs === undefined) {
    packs = new Map();
    packsByConnection.set(db, packs);
  }
  let loaded = packs.get(ref);
  if (loaded === undefined) {
    loaded = getRubricPack(db, ref);
    packs.set(ref, loaded);
  }
  return loaded;
}

export function itemApplies(item: RubricItem, unit: UnitContext): boolean {
  return engineItemApplies(item, unit);
}

export function surveyMinimumSample(item: SurveyItem, households: number | null): number {
  return minimumSurveySample(item, households);
}

/** Scores with the engine; BAD_INPUT naming each item for wrong answers (and missing ones unless draft). */
export function scoreAnswers(loaded: LoadedPack, unit: UnitContext, answers: Answers, options: ScoreOptions): ScoreResult {
  return scoreAssessment(
    loaded,
    { unit, answers, assessedOn: options.assessedOn, history: { previousStars: options.previousStars, lastVetoOn: options.lastVetoOn } },
    { draft: options.draft },
  );
}

/** Items the result says are unfinished: unanswered, or a survey whose sample is too small. */
export function unfinishedItems(result: ScoreResult): string[] {
  const extra = (result as { missing?: string[]; incompleteReasons?: { item: string }[] });
  const ids = [...(extra.missing ?? []), ...(extra.incompleteReasons ?? []).map((reason) => reason.item)];
  return [...new Set(ids)];
}
