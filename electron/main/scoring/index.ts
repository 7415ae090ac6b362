/** The star engine's public face: what the CLI, the API handlers and the assessment workflow use. */
export { scoreAssessment } from './score-assessment';
export type { ScoringHistory, ScoringInput, ScoringOptions, ScoringUnit } from './score-assessment';
export { applicableItems, itemApplies } from './applicability';
export { minimumSurveySample } from './survey-sample';
export { isLockedOut, lockoutEndsOn, addCalendarMonths } from './calendar';
export { engineVersion } from './engine-version';
export { getRubricPack, findPack, listPacks } from '../rubric/pack-store';
export type { LoadedStarPack } from '../rubric/loaded-pack';
