/**
 * Checks one answer against its item: the type each kind takes and its range (docs/domain.md,
 * item kinds). Returns what is wrong in words a person can act on, or null when it is fine.
 */
import type { ItemPlan } from './plan';

export interface SurveyAnswer {
  respondents: number;
  safe: number;
}

/** Largest survey sample accepted; keeps the exact integer arithmetic far below 2^53. */
export const maxRespondents = 1_000_000;
/** Largest count a deduct item takes. */
export const maxCount = 1_000_000;

function isHundredths(value: number): boolean {
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function percentProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a percent, a number from 0 to 100';
  if (value < 0 || value > 100) return `${value} is not a percent from 0 to 100`;
  if (!isHundredths(value)) return `${value} has more than 2 decimal places`;
  return null;
}

export function answerProblem(plan: ItemPlan, value: unknown): string | null {
  switch (plan.kind) {
    case 'check':
    case 'veto':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'scale': {
      const max = plan.points / 100;
      const step = plan.step / 100;
      if (typeof value !== 'number' || !Number.isFinite(value)) return `expected a number from 0 to ${max} in steps of ${step}`;
      if (value < 0 || value > max) return `${value} is outside 0..${max}`;
      if (!isHundredths(value) || Math.round(value * 100) % plan.step !== 0) return `${value} is not a multiple of ${step}`;
      return null;
    }
    case 'deduct':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return 'expected a whole count, 0 or more';
      if (value > maxCount) return `${value} is more than ${maxCount}`;
      return null;
    case 'rate':
    case 'gate':
      return percentProblem(value);
    case 'survey': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected { "respondents": N, "safe": M }';
      const record = value as Record<string, unknown>;
      const extra = Object.keys(record).filter((key) => key !== 'respondents' && key !== 'safe');
      if (extra.length > 0) return `unexpected field ${extra.join(', ')}; expected respondents and safe`;
      const { respondents, safe } = record;
      if (typeof respondents !== 'number' || !Number.isInteger(respondents) || respondents < 1) return 'respondents must be a whole number, 1 or more';
      if (respondents > maxRespondents) return `respondents ${respondents} is more than ${maxRespondents}`;
      if (typeof safe !== 'number' || !Number.isInteger(safe) || safe < 0) return 'safe must be a whole number, 0 or more';
      if (safe > respondents) return `safe (${safe}) is more than respondents (${respondents})`;
      return null;
    }
  }
}
