/** A survey's five answers (安全/比较安全/不太安全/不安全/不了解) to the engine's { respondents, safe }: safe = 安全 + 比较安全. */
import type { SurveyTally } from '@shared/api/procedures/assessments';

export const tallyOptions = ['safe', 'fairlySafe', 'notVerySafe', 'unsafe', 'unknown'] as const;

export function emptyTally(): SurveyTally {
  return { safe: 0, fairlySafe: 0, notVerySafe: 0, unsafe: 0, unknown: 0 };
}

export function tallyToAnswer(tally: SurveyTally): { respondents: number; safe: number } | undefined {
  const respondents = tally.safe + tally.fairlySafe + tally.notVerySafe + tally.unsafe + tally.unknown;
  return respondents === 0 ? undefined : { respondents, safe: tally.safe + tally.fairlySafe };
}

/** An answer recorded without a tally (e.g. imported): shown as safe vs. the rest under 不了解 would be wrong, so as 安全 vs 不安全. */
export function answerToTally(answer: { respondents: number; safe: number }): SurveyTally {
  return { ...emptyTally(), safe: answer.safe, unsafe: answer.respondents - answer.safe };
}

/** Percent with at most one decimal, for display only (the engine decides the points). */
export function safeRate(answer: { respondents: number; safe: number } | undefined): number | null {
  if (!answer || answer.respondents === 0) return null;
  return Math.round((answer.safe / answer.respondents) * 1000) / 10;
}
