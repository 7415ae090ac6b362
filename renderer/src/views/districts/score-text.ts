/**
 * A district score as typed: 0–100 with at most two decimals, read exactly as written. Nothing is
 * rounded, stepped or clamped here: a value out of range or with three decimals is refused with
 * the reason, and the field keeps what the person typed until they change it.
 */
export type ScoreProblem = 'empty' | 'notNumber' | 'range' | 'decimals';

export function readScore(text: string): { value: number } | { problem: ScoreProblem } {
  const typed = text.trim().replace(/，/g, '.').replace(/。/g, '.');
  if (typed === '') return { problem: 'empty' };
  if (!/^-?\d+(?:\.\d+)?$/.test(typed)) return { problem: 'notNumber' };
  const value = Number(typed);
  if (value < 0 || value > 100) return { problem: 'range' };
  if ((typed.split('.')[1] ?? '').length > 2) return { problem: 'decimals' };
  return { value };
}
