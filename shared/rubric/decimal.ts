/**
 * Fixed-point helpers: pack numbers and answers are decimals with few places, and the engine
 * counts in integer hundredths so a total is an exact sum (never 87.49999).
 */
export function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Number.isFinite(scaled) && Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** The integer count of 10^-places in `value` (call after hasAtMostDecimals). */
export function toScaled(value: number, places: number): number {
  return Math.round(value * 10 ** places);
}

/** Integer hundredths of a decimal with at most two places. */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

/**
 * Back from hundredths to a plain number: integer ÷ 100 prints without float noise, and −0 (a
 * deduction of nothing, −0 hundredths) comes back as 0, since JSON and every reader have one zero.
 */
export function fromHundredths(hundredths: number): number {
  return hundredths / 100 + 0;
}

/** num/den rounded half up (away from zero for halves of positive values), for den > 0 and num ≥ 0. */
export function divideRoundHalfUp(num: number, den: number): number {
  return Math.floor((2 * num + den) / (2 * den));
}
